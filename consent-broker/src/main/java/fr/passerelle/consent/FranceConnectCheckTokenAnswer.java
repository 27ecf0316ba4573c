package fr.passerelle.consent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checktoken answer in FranceConnect's shape, for data providers written for FranceConnect: the token's facts and
 * the person's identity side by side at the top level (no nested {@code identity}), {@code scope} as one
 * space-separated string, and no {@code client_name}. The JWT around it is the same as for every data provider
 * ({@code iss}, {@code aud}, {@code iat} and the answer under {@code token_introspection}).
 */
public final class FranceConnectCheckTokenAnswer {

    private FranceConnectCheckTokenAnswer() {
    }

    public static Map<String, Object> toJson(CheckTokenAnswer answer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", true);
        json.put("aud", answer.audience());
        json.put("sub", answer.subject());
        json.put("iat", answer.issuedAt());
        json.put("exp", answer.expiresAt());
        json.put("acr", answer.acr());
        json.put("jti", answer.tokenId());
        json.put("scope", String.join(" ", answer.scopes()));
        // The token's own facts win over an identity field of the same name, which the pivot identity never has.
        answer.identity().forEach(json::putIfAbsent);
        return json;
    }
}
