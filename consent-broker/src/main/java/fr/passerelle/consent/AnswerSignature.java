package fr.passerelle.consent;

import java.nio.charset.StandardCharsets;

/**
 * How a signed checktoken answer is signed for a data provider. A DP that authenticates with its client secret gets
 * the answer as a JWS HS256 keyed by that secret (what FranceConnect long did for its partners): the DP already
 * holds the key, and an HMAC costs microseconds where an ES256 signature costs a millisecond. A DP that
 * authenticates with a key of its own (private_key_jwt, mutual TLS) gets the answer signed by the realm's key, as
 * before. The JWS header's {@code alg} says which; a DP accepts only the one it expects, so neither can be passed
 * off as the other.
 */
public enum AnswerSignature {
    /** HMAC-SHA256 keyed by the UTF-8 bytes of the DP's client secret. */
    HS256,
    /** The realm's signature key (ES256 in the broker realm). */
    REALM_KEY;

    /** RFC 7518 §3.2: an HS256 key has at least 256 bits. A shorter client secret is refused at registration. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The stable code of a DP secret refused for being shorter. */
    public static final String SECRET_TOO_SHORT = "dp_secret_too_short";

    /** Keycloak's client authenticators whose proof is the client secret itself. */
    private static final java.util.Set<String> SECRET_AUTHENTICATORS = java.util.Set.of("client-secret", "client-secret-jwt");

    /**
     * The signature for a DP, from its client authenticator and its secret. A secret-authenticated DP whose secret is
     * too short (registered before the rule) keeps the realm's key: its answers stay signed, never with a weak key.
     */
    public static AnswerSignature forDataProvider(String clientAuthenticator, String secret) {
        return clientAuthenticator != null && SECRET_AUTHENTICATORS.contains(clientAuthenticator) && longEnough(secret) ? HS256 : REALM_KEY;
    }

    /** Whether a client secret may key HS256 answers: at least 256 bits. */
    public static boolean longEnough(String secret) {
        return secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }
}
