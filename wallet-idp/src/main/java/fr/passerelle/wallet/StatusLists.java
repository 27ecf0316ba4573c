package fr.passerelle.wallet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token Status Lists (IETF OAuth Status List): fetched, checked like a credential (signed ES256 by a
 * certificate chaining to the PID provider anchors, {@code sub} equal to its URI, not expired),
 * kept for its {@code ttl}, and read at a credential's index. What cannot be fetched or trusted
 * refuses the login: an unknown status is never read as valid.
 */
public final class StatusLists {

    /** Status values of the specification; anything but VALID refuses the login. */
    static final int VALID = 0;

    private static final String TYP = "statuslist+jwt";
    private static final int MAX_INFLATED_BYTES = 16 * 1024 * 1024;

    private final StatusListSource source;
    private final TrustAnchors anchors;
    private final Clock clock;
    private final Duration defaultTtl;
    private final Duration maxTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(byte[] list, int bits, Instant until) {
    }

    /**
     * @param defaultTtl how long a list without {@code ttl} is kept
     * @param maxTtl     the longest any list is kept, whatever its {@code ttl} says
     */
    public StatusLists(StatusListSource source, TrustAnchors anchors, Clock clock, Duration defaultTtl, Duration maxTtl) {
        this.source = source;
        this.anchors = anchors;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
    }

    /**
     * Checks the {@code status} claim of a credential's payload.
     *
     * @throws WalletRefusedException {@link WalletRefusal#REVOKED} for any status but valid,
     *         {@link WalletRefusal#STATUS_UNAVAILABLE} when the list cannot be fetched, trusted or read
     */
    public void requireValid(JsonNode status) throws WalletRefusedException {
        JsonNode reference = status == null ? null : status.get("status_list");
        if (reference == null || !reference.path("uri").isTextual() || !reference.path("idx").canConvertToInt()
                || reference.path("idx").asInt() < 0) {
            throw unavailable("the credential names no status list");
        }
        String uri = reference.get("uri").asText();
        int index = reference.get("idx").asInt();
        Cached list = list(uri);
        long bitOffset = (long) index * list.bits();
        int byteIndex = (int) (bitOffset / 8);
        if (byteIndex >= list.list().length) {
            throw unavailable("the index lies outside the status list");
        }
        int value = (list.list()[byteIndex] >> (int) (bitOffset % 8)) & ((1 << list.bits()) - 1);
        if (value != VALID) {
            throw new WalletRefusedException(WalletRefusal.REVOKED, "status value " + value);
        }
    }

    private Cached list(String uri) throws WalletRefusedException {
        Instant now = clock.instant();
        Cached cached = cache.get(uri);
        if (cached != null && now.isBefore(cached.until())) {
            return cached;
        }
        Cached fresh = fetch(uri, now);
        cache.put(uri, fresh);
        return fresh;
    }

    private Cached fetch(String uri, Instant now) throws WalletRefusedException {
        String token;
        try {
            token = source.fetch(uri);
        } catch (IOException e) {
            throw new WalletRefusedException(WalletRefusal.STATUS_UNAVAILABLE, "the status list cannot be fetched", e);
        }
        Jws jws;
        try {
            jws = Jws.parse(token == null ? null : token.strip());
        } catch (IllegalArgumentException e) {
            throw new WalletRefusedException(WalletRefusal.STATUS_UNAVAILABLE, "the status list is not a JWT", e);
        }
        if (!TYP.equals(jws.typ())) {
            throw unavailable("the status list token is not of type " + TYP);
        }
        X509Certificate signer;
        try {
            signer = anchors.validate(jws.header().get("x5c"), now);
        } catch (WalletRefusedException e) {
            throw new WalletRefusedException(WalletRefusal.STATUS_UNAVAILABLE, "the status list signer does not chain to a trust anchor", e);
        }
        if (!jws.verifies(signer.getPublicKey())) {
            throw unavailable("the status list signature is wrong");
        }
        ObjectNode payload = jws.payload();
        if (!uri.equals(payload.path("sub").asText())) {
            throw unavailable("the status list is for another URI");
        }
        if (payload.has("exp") && !now.isBefore(Instant.ofEpochSecond(payload.path("exp").asLong()))) {
            throw unavailable("the status list has expired");
        }
        JsonNode statusList = payload.path("status_list");
        int bits = statusList.path("bits").asInt();
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw unavailable("status list bits must be 1, 2, 4 or 8");
        }
        byte[] list;
        try {
            list = inflate(Base64Url.decode(statusList.path("lst").asText()));
        } catch (IllegalArgumentException | DataFormatException e) {
            throw new WalletRefusedException(WalletRefusal.STATUS_UNAVAILABLE, "the status list does not decompress", e);
        }
        Duration ttl = payload.path("ttl").canConvertToLong() && payload.path("ttl").asLong() > 0
                ? Duration.ofSeconds(payload.path("ttl").asLong()) : defaultTtl;
        Instant until = now.plus(ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl);
        if (payload.has("exp")) {
            Instant exp = Instant.ofEpochSecond(payload.path("exp").asLong());
            until = exp.isBefore(until) ? exp : until;
        }
        return new Cached(list, bits, until);
    }

    /** The list is DEFLATE with the ZLIB header (RFC 1950); a bomb stops at 16 MiB. */
    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new DataFormatException("too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static WalletRefusedException unavailable(String detail) {
        return new WalletRefusedException(WalletRefusal.STATUS_UNAVAILABLE, detail);
    }
}
