package fr.passerelle.franceconnect;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.passerelle.names.ClientAttributes;

/**
 * FranceConnect's token settings, written as Keycloak's own client attributes when an operator registers or
 * updates a client with the FranceConnect profile and leaves them unset: a one-minute access token, no refresh
 * token, ES256 signatures, userinfo as a signed JWT, and, once the client names a JWKS, FranceConnect+'s
 * encryption of the ID token and userinfo (RSA-OAEP, A256GCM). A value the operator set is never changed.
 */
public final class FranceConnectDefaults {

    public static final String ACCESS_TOKEN_LIFESPAN = "access.token.lifespan";
    public static final String USE_REFRESH_TOKENS = "use.refresh.tokens";
    public static final String ID_TOKEN_SIGNATURE = "id.token.signed.response.alg";
    public static final String ACCESS_TOKEN_SIGNATURE = "access.token.signed.response.alg";
    public static final String USERINFO_SIGNATURE = "user.info.response.signature.alg";
    public static final String JWKS_URL = "jwks.url";
    public static final String USE_JWKS_URL = "use.jwks.url";
    public static final String JWKS_STRING = "jwks.string";
    public static final String USE_JWKS_STRING = "use.jwks.string";
    public static final String ID_TOKEN_ENCRYPTION_ALG = "id.token.encrypted.response.alg";
    public static final String ID_TOKEN_ENCRYPTION_ENC = "id.token.encrypted.response.enc";
    public static final String USERINFO_ENCRYPTION_ALG = "user.info.encrypted.response.alg";
    public static final String USERINFO_ENCRYPTION_ENC = "user.info.encrypted.response.enc";

    private static final Map<String, String> TOKENS = orderedMap(
            ACCESS_TOKEN_LIFESPAN, "60",
            USE_REFRESH_TOKENS, "false",
            ID_TOKEN_SIGNATURE, "ES256",
            ACCESS_TOKEN_SIGNATURE, "ES256",
            USERINFO_SIGNATURE, "ES256");
    private static final Map<String, String> ENCRYPTION = orderedMap(
            ID_TOKEN_ENCRYPTION_ALG, "RSA-OAEP",
            ID_TOKEN_ENCRYPTION_ENC, "A256GCM",
            USERINFO_ENCRYPTION_ALG, "RSA-OAEP",
            USERINFO_ENCRYPTION_ENC, "A256GCM");

    private FranceConnectDefaults() {
    }

    /**
     * @param proposed the attributes the operator sends (a partial update may send few)
     * @param stored   the client's attributes before this change (empty for a new client)
     * @return the attributes to add to the proposal; empty unless the result is a service (not a data provider)
     *         with the FranceConnect profile
     */
    public static Map<String, String> missing(Map<String, String> proposed, Map<String, String> stored) {
        Map<String, String> result = new LinkedHashMap<>(stored);
        result.putAll(proposed);
        Map<String, String> additions = new LinkedHashMap<>();
        if (!FranceConnectProfile.selectedBy(result.get(ClientAttributes.PROFILE))
                || Boolean.parseBoolean(result.get(ClientAttributes.DATA_PROVIDER))) {
            return additions;
        }
        TOKENS.forEach((key, value) -> addIfUnset(result, additions, key, value));
        boolean jwksUrl = isSet(result.get(JWKS_URL));
        boolean jwksString = isSet(result.get(JWKS_STRING));
        if (jwksUrl && !jwksString) {
            addIfUnset(result, additions, USE_JWKS_URL, "true");
        }
        if (jwksUrl || jwksString) {
            ENCRYPTION.forEach((key, value) -> addIfUnset(result, additions, key, value));
        }
        return additions;
    }

    private static void addIfUnset(Map<String, String> result, Map<String, String> additions, String key, String value) {
        if (!isSet(result.get(key))) {
            additions.put(key, value);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
