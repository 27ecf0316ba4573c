package fr.passerelle.trace;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for the rows the broker writes on every login or token check (traces, connection notices) that sort by the
 * time they were made: the layout of a UUID version 7 (RFC 9562), 48 bits of milliseconds since the epoch, then 74
 * random bits, written as the usual 36 characters. Rows arrive in time order, so the primary key's index grows at its
 * right edge instead of at a random place: the pages being written stay in the database's cache (with random UUIDs a
 * busy broker re-read and rewrote pages all over a large index for each batch of traces). The id says when the row
 * was written, which the row says anyway: use it only for rows whose id is no secret and no handle.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {
    }

    /** A new id for a row written at {@code epochMillis}. */
    public static String next(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= 1L << 48) {
            throw new IllegalArgumentException("time out of range: " + epochMillis);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4) | ((random[1] & 0xF0L) >>> 4);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (random[i] & 0xFFL);
        }
        long msb = (epochMillis << 16) | VERSION_7 | randA;
        long lsb = VARIANT_RFC | (randB >>> 2);
        return new UUID(msb, lsb).toString();
    }
}
