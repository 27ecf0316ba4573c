package fr.passerelle.notice;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser's device cookie says: a random device id, when it was last written, and the identities seen on
 * this device as keyed digests of their identity keys (no personal data, not even a reversible id). The value is
 * signed with a server-side key; a value that does not verify, or older than {@link #LIFETIME}, is no device.
 */
public record DeviceCookie(String deviceId, Instant written, List<String> identities) {

    public static final Duration LIFETIME = Duration.ofDays(90);
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    public DeviceCookie {
        identities = List.copyOf(identities);
    }

    /** A device seen for the first time. */
    public static DeviceCookie fresh(Instant now) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new DeviceCookie(B64.encodeToString(id), now, List.of());
    }

    /** What this device knows of one identity, compared with {@link #knows}. */
    public static String identityDigest(byte[] key, String identityKey) {
        return B64.encodeToString(Arrays.copyOf(hmac(key, "identity:" + identityKey), 12));
    }

    public boolean knows(String identityDigest) {
        return identities.contains(identityDigest);
    }

    /** The device with one more identity; unchanged when it knows it already or holds {@code max} already. */
    public DeviceCookie remember(String identityDigest, int max, Instant now) {
        List<String> next = new ArrayList<>(identities);
        if (!next.contains(identityDigest) && next.size() < max) {
            next.add(identityDigest);
        }
        return new DeviceCookie(deviceId, now, next);
    }

    /** Whether one more (unknown) identity on this device would exceed the limit: a suspicious context. */
    public boolean full(int max) {
        return identities.size() >= max;
    }

    public String encode(byte[] key) {
        String payload = VERSION + "." + deviceId + "." + written.getEpochSecond() + "." + String.join("~", identities);
        return payload + "." + B64.encodeToString(hmac(key, payload));
    }

    /** The device a cookie value names, if it is ours, intact and not expired. */
    public static Optional<DeviceCookie> decode(String value, byte[] key, Instant now) {
        if (value == null || value.length() > 4096) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, lastDot);
        byte[] signature;
        try {
            signature = B64D.decode(value.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, hmac(key, payload))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        Instant written;
        try {
            written = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (written.plus(LIFETIME).isBefore(now)) {
            return Optional.empty();
        }
        List<String> identities = parts[3].isEmpty() ? List.of() : List.of(parts[3].split("~"));
        return Optional.of(new DeviceCookie(parts[1], written, identities));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
