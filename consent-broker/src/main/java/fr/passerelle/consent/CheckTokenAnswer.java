package fr.passerelle.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What checktoken tells a data provider about an SP's access token. Minimal disclosure: a DP learns anything
 * at all only when the token grants at least one of its own data scopes, and then only the granted scopes it
 * serves and the pivot identity it needs to find the person. Any other token is {@link #INACTIVE} for that DP,
 * as RFC 7662 allows for tokens the caller may not see, and the inactive answer says nothing else.
 */
public record CheckTokenAnswer(String audience, String clientName, String subject, String acr, long issuedAt, long expiresAt,
        String tokenId, List<String> scopes, Map<String, Object> identity) {

    public static final Map<String, Object> INACTIVE = Map.of("active", false);

    /**
     * The identity claims a DP may receive: the pivot identity (names, birth date, gender, place and country of
     * birth) and, for a foreign identity, its eIDAS identifier. Usage name, e-mail and the IdP's raw values are
     * not needed to find a person and never leave through checktoken.
     */
    public static final List<String> IDENTITY_CLAIMS = List.of(
            "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "person_identifier");

    public CheckTokenAnswer {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("An active checktoken answer needs at least one granted data scope of the caller");
        }
        scopes = List.copyOf(scopes);
        Map<String, Object> pivot = new LinkedHashMap<>();
        for (String claim : IDENTITY_CLAIMS) {
            Object value = identity.get(claim);
            if (value != null) {
                pivot.put(claim, value);
            }
        }
        identity = Map.copyOf(pivot);
    }

    /**
     * The scopes checktoken may speak about for this DP: the token's granted scopes it serves, or empty when the
     * token grants it nothing (then the answer is {@link #INACTIVE}).
     */
    public static Optional<List<String>> disclosedScopes(DataScopes dataScopes, String dataProvider, List<String> grantedScopes) {
        List<String> served = dataScopes.servedBy(dataProvider, grantedScopes);
        return served.isEmpty() ? Optional.empty() : Optional.of(served);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", true);
        json.put("aud", audience);
        json.put("client_name", clientName);
        json.put("sub", subject);
        json.put("acr", acr);
        json.put("iat", issuedAt);
        json.put("exp", expiresAt);
        json.put("jti", tokenId);
        json.put("scope", scopes);
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String claim : IDENTITY_CLAIMS) {
            if (identity.containsKey(claim)) {
                ordered.put(claim, identity.get(claim));
            }
        }
        json.put("identity", ordered);
        return json;
    }

    /**
     * The JWT response's payload (RFC 9701 shape): the answer under {@code token_introspection}, with its own
     * {@code jti} so that a DP can refuse an answer played back to it twice.
     */
    public static Map<String, Object> jwtPayload(String issuer, String dataProvider, long now, String answerId, Map<String, Object> answer) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", dataProvider);
        payload.put("iat", now);
        payload.put("jti", answerId);
        payload.put("token_introspection", answer);
        return payload;
    }
}
