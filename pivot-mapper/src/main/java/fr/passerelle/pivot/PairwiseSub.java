package fr.passerelle.pivot;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code sub} a sector sees: the same person gets the same subject in one sector whichever IdP
 * they used, and unrelated subjects in two sectors, so that sectors cannot join their users.
 */
public final class PairwiseSub {

    /** Names the secret and the derivation; rotating the platform secret is a new version. */
    public static final String VERSION = "v1";

    /** HMAC-SHA256's own output size: a shorter secret would be the weakest link. */
    static final int MIN_SECRET_BYTES = 32;

    private static final String HMAC_SHA_256 = "HmacSHA256";

    private PairwiseSub() {
    }

    /**
     * @return 64 lower-case hexadecimal digits followed by {@link #VERSION}
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes or the sector blank
     */
    public static String compute(byte[] platformSecret, String sector, IdentityKey key) {
        if (platformSecret == null || platformSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the platform secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (sector == null || sector.isBlank()) {
            throw new IllegalArgumentException("the sector must not be blank");
        }
        Objects.requireNonNull(key, "key");
        byte[] message = IdentityKey.encode(List.of(sector, key.hex()));
        return HexFormat.of().formatHex(hmacSha256(platformSecret, message)) + VERSION;
    }

    private static byte[] hmacSha256(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA_256);
            mac.init(new SecretKeySpec(secret, HMAC_SHA_256));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform provides " + HMAC_SHA_256, e);
        }
    }
}
