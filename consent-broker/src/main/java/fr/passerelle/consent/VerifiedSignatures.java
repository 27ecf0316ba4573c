package fr.passerelle.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signatures already found valid, so that the same signed bytes checked again with the same key cost a hash instead
 * of an elliptic-curve verification. Only a verification's outcome is remembered: whether the token is still live
 * (expiry, session, logout, revocation) is a separate check that runs on every call. An entry is the SHA-256 of key
 * id, algorithm, signed bytes and signature; it is kept for a fixed time (at least the longest token life, so that a
 * token is verified once) and the set is bounded: when full, expired entries go, and if it is still full, all go.
 * A failed verification is never remembered.
 */
public final class VerifiedSignatures {

    private final Map<Digest, Long> expiryByDigest = new ConcurrentHashMap<>();
    private final int capacity;
    private final long lifetimeMillis;
    private final Clock clock;

    public VerifiedSignatures(int capacity, long lifetimeMillis, Clock clock) {
        if (capacity < 1 || lifetimeMillis < 1) {
            throw new IllegalArgumentException("capacity and lifetime must be positive");
        }
        this.capacity = capacity;
        this.lifetimeMillis = lifetimeMillis;
        this.clock = clock;
    }

    /** Whether exactly these bytes were found validly signed by this key, within the lifetime. */
    public boolean contains(String kid, String algorithm, byte[] data, byte[] signature) {
        Digest digest = digest(kid, algorithm, data, signature);
        Long expiry = expiryByDigest.get(digest);
        if (expiry == null) {
            return false;
        }
        if (expiry <= clock.millis()) {
            expiryByDigest.remove(digest, expiry);
            return false;
        }
        return true;
    }

    /** Remembers a signature just found valid. */
    public void add(String kid, String algorithm, byte[] data, byte[] signature) {
        long now = clock.millis();
        if (expiryByDigest.size() >= capacity) {
            expiryByDigest.values().removeIf(expiry -> expiry <= now);
            if (expiryByDigest.size() >= capacity) {
                expiryByDigest.clear();
            }
        }
        expiryByDigest.put(digest(kid, algorithm, data, signature), now + lifetimeMillis);
    }

    public int size() {
        return expiryByDigest.size();
    }

    private static Digest digest(String kid, String algorithm, byte[] data, byte[] signature) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {bytes(kid), bytes(algorithm), data, signature}) {
                // Each part is preceded by its length, so that no two different inputs concatenate alike.
                int length = part.length;
                sha256.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                sha256.update(part);
            }
            return new Digest(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private record Digest(byte[] value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Digest d && Arrays.equals(value, d.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }
}
