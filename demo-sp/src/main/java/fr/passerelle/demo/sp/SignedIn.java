package fr.passerelle.demo.sp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.token.AccessToken;

/**
 * A person signed in through Passerelle: the validated ID token's claims, the tokens the SP keeps for
 * logout and for the data provider, what was asked, and which of the data scopes asked for were granted.
 */
public record SignedIn(Map<String, Object> claims, JWT idToken, AccessToken accessToken, SignIn request, List<String> dataScopes) {

    public SignedIn {
        claims = Map.copyOf(claims);
        dataScopes = List.copyOf(dataScopes);
    }

    /** The data scopes asked for that the token response says were granted (all of them if it does not say). */
    static List<String> granted(SignIn request, AccessToken accessToken) {
        if (accessToken.getScope() == null) {
            return request.dataScopes();
        }
        return request.dataScopes().stream().filter(accessToken.getScope()::contains).toList();
    }

    /**
     * Whether the level reached ({@code acr}) is below the level this SP asked for. The request travels through
     * the person's browser, where {@code acr_values} can be edited, so the SP judges the answer itself: a
     * missing or unknown {@code acr} is below anything.
     */
    public static boolean levelBelowRequested(Object acr, String requested) {
        int reached = acr == null ? -1 : Pages.LEVELS.indexOf(acr.toString());
        return reached < Pages.LEVELS.indexOf(requested);
    }

    public Optional<String> claim(String name) {
        Object value = claims.get(name);
        if (value == null || value.toString().isEmpty()) {
            return Optional.empty();
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", list.stream().map(String::valueOf).toList()));
        }
        return Optional.of(value.toString());
    }

    public List<String> claimList(String name) {
        Object value = claims.get(name);
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
            values.add(value.toString());
        }
        return values;
    }

    /** Given names then birth name, as a greeting shows them. */
    public String displayName() {
        String name = (claim("given_name").orElse("") + " " + claim("family_name").orElse("")).strip();
        return name.isEmpty() ? claim("sub").orElse("") : name;
    }
}
