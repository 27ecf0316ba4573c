package fr.passerelle.pivot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session id a sector sees: one single sign-on session gives each sector its own identifier, unrelated to the
 * others' without the platform secret, the same for every service of one sector (so that a logout request names the
 * session the service's ID token named), and from which the broker alone gets the session back.
 *
 * <p>{@code ps.vN.base64url(nonce ‖ AES-256-GCM(session id))}: the key and the 12-byte nonce are derived from the
 * {@code sub} secret of version {@code vN} by HMAC-SHA256 under two labels, the nonce from the sector and the session
 * id. The same (sector, session) always gives the same alias; two sectors give two aliases that only the key links.
 * The authentication tag makes any other string, edited or made up, resolve to nothing.
 */
public final class SessionAlias {

    private static final String PREFIX = "ps.";
    private static final byte[] KEY_LABEL = "passerelle session alias key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NONCE_LABEL = "passerelle session alias nonce".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SessionAlias() {
    }

    /** The sector's alias of a session, under the given (current) secret. */
    public static String of(VersionedSecret secret, String sector, String sessionId) {
        if (sector == null || sector.isBlank() || sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("a session alias needs a sector and a session id");
        }
        byte[] nonce = Arrays.copyOf(new VersionedSecret(secret.version(), secret.hmacSha256(NONCE_LABEL))
                .hmacSha256(IdentityKey.encode(List.of(sector, sessionId))), NONCE_BYTES);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, secret, nonce).map(c -> {
            try {
                return c.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        }).orElseThrow();
        byte[] payload = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, payload, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, payload, NONCE_BYTES, sealed.length);
        return PREFIX + secret.version() + "." + ENCODER.encodeToString(payload);
    }

    /** Whether the string has an alias's shape (Keycloak's own session ids never have it). */
    public static boolean looksLikeAlias(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /**
     * The session id behind an alias, or empty for anything that is not an alias made with a secret still held
     * (an edited alias, one made up, one of a version whose secret is gone).
     *
     * @param secrets the secret of a version, if held
     */
    public static Optional<String> resolve(String alias, Function<String, Optional<VersionedSecret>> secrets) {
        if (!looksLikeAlias(alias)) {
            return Optional.empty();
        }
        String rest = alias.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0 || !VersionedSecret.isVersion(rest.substring(0, dot))) {
            return Optional.empty();
        }
        byte[] payload;
        try {
            payload = DECODER.decode(rest.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length <= NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        Optional<VersionedSecret> secret = secrets.apply(rest.substring(0, dot));
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOf(payload, NONCE_BYTES);
        return cipher(Cipher.DECRYPT_MODE, secret.get(), nonce).flatMap(c -> {
            try {
                return Optional.of(new String(c.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES), StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Cipher> cipher(int mode, VersionedSecret secret, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(secret.hmacSha256(KEY_LABEL), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(secret.version().getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides AES-GCM", e);
        }
    }
}
