package fr.passerelle.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What checktoken tells a data provider about an SP's access token (docs/reference.md, section 6). Only built for an active
 * token; an inactive one is {@link #INACTIVE} and says nothing else.
 */
public record CheckTokenAnswer(String audience, String clientName, String subject, String acr, long issuedAt, long expiresAt,
        String tokenId, List<String> scopes, Map<String, Object> identity) {

    public static final Map<String, Object> INACTIVE = Map.of("active", false);

    public CheckTokenAnswer {
        scopes = List.copyOf(scopes);
        identity = Map.copyOf(identity);
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
        json.put("identity", identity);
        return json;
    }

    /** The JWT response's payload (RFC 9701 shape): the answer under {@code token_introspection}. */
    public static Map<String, Object> jwtPayload(String issuer, String dataProvider, long now, Map<String, Object> answer) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", dataProvider);
        payload.put("iat", now);
        payload.put("token_introspection", answer);
        return payload;
    }
}
