package fr.passerelle.franceconnect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where FranceConnect puts claims: the identity in userinfo only, a minimal ID token, {@code amr} only when the
 * service asks for it in the {@code claims} parameter, and {@code preferred_username} only with a scope that
 * names it ({@code profile} or {@code preferred_username}; {@code identite_pivot} does not).
 */
public final class FranceConnectClaims {

    public static final String AMR = "amr";
    public static final String PREFERRED_USERNAME = "preferred_username";

    /** Identity claims the broker's scopes may put in a token; FranceConnect hands them out through userinfo only. */
    public static final Set<String> IDENTITY_CLAIMS = Set.of("given_name", "given_name_array", "family_name", PREFERRED_USERNAME,
            "birthdate", "gender", "birthplace", "birthcountry", "email", "email_verified", "person_identifier", "idp_birthdate");

    private static final Set<String> SCOPES_WITH_PREFERRED_USERNAME = Set.of("profile", PREFERRED_USERNAME);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FranceConnectClaims() {
    }

    /**
     * Shapes the ID token's claims in place.
     *
     * @param claims          the token's claims (changed)
     * @param claimsParameter the {@code claims} request parameter as sent, or null
     * @param amr             the login's authentication methods, when known
     */
    public static void shapeIdToken(Map<String, Object> claims, String claimsParameter, Optional<List<String>> amr) {
        IDENTITY_CLAIMS.forEach(claims::remove);
        placeAmr(claims, claimsParameter, amr);
    }

    /** Shapes the userinfo claims in place, for the scopes the access token grants. */
    public static void shapeUserinfo(Map<String, Object> claims, Collection<String> scopes, String claimsParameter,
            Optional<List<String>> amr) {
        if (!grantsPreferredUsername(scopes)) {
            claims.remove(PREFERRED_USERNAME);
        }
        placeAmr(claims, claimsParameter, amr);
    }

    /** Whether these granted scopes name {@code preferred_username} (FranceConnect's {@code identite_pivot} does not). */
    public static boolean grantsPreferredUsername(Collection<String> scopes) {
        return scopes.stream().anyMatch(SCOPES_WITH_PREFERRED_USERNAME::contains);
    }

    /** Whether the {@code claims} parameter asks for {@code amr}, in the ID token or in userinfo. */
    public static boolean asksForAmr(String claimsParameter) {
        if (claimsParameter == null || claimsParameter.isBlank()) {
            return false;
        }
        try {
            JsonNode request = JSON.readTree(claimsParameter);
            return request.path("id_token").has(AMR) || request.path("userinfo").has(AMR);
        } catch (Exception e) {
            return false;
        }
    }

    /** The methods of a login as the broker keeps them (a JSON array of names), or empty. */
    public static Optional<List<String>> parseAmr(String jsonArray) {
        if (jsonArray == null || jsonArray.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(jsonArray);
            if (!node.isArray() || node.isEmpty()) {
                return Optional.empty();
            }
            List<String> methods = new ArrayList<>();
            node.forEach(method -> methods.add(method.asText()));
            return Optional.of(List.copyOf(methods));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void placeAmr(Map<String, Object> claims, String claimsParameter, Optional<List<String>> amr) {
        claims.remove(AMR);
        if (asksForAmr(claimsParameter)) {
            amr.ifPresent(methods -> claims.put(AMR, methods));
        }
    }
}
