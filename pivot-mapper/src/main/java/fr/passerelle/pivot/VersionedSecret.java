package fr.passerelle.pivot;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A platform secret of one version ({@code v1}, {@code v2}, …). A secret never changes under its version: what was
 * derived with it (a {@code sub}, an identity key) stays reproducible as long as the version is kept, and rotating
 * is adding the next version.
 *
 * @param version {@code v} and a number from 1
 * @param bytes   at least 32 bytes, HMAC-SHA256's own output size: a shorter secret would be the weakest link
 */
public record VersionedSecret(String version, byte[] bytes) {

    public static final int MIN_BYTES = 32;
    private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]{0,2}");
    private static final String HMAC_SHA_256 = "HmacSHA256";

    public VersionedSecret {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("a secret version is v1, v2, …");
        }
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a platform secret must be at least " + MIN_BYTES + " bytes");
        }
        bytes = bytes.clone();
    }

    public static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** The version's number: v2 is 2. */
    public static int number(String version) {
        if (!isVersion(version)) {
            throw new IllegalArgumentException("a secret version is v1, v2, …");
        }
        return Integer.parseInt(version.substring(1));
    }

    public int number() {
        return number(version);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] hmacSha256(byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA_256);
            mac.init(new SecretKeySpec(bytes, HMAC_SHA_256));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform provides " + HMAC_SHA_256, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionedSecret that && version.equals(that.version) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, Arrays.hashCode(bytes));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "VersionedSecret[" + version + "]";
    }
}
