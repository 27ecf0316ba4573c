package fr.passerelle.notice;

import java.time.Duration;

/**
 * At most {@code limit} attempts per key in any stretch of time as long as the window: each accepted attempt takes
 * one of the key's {@code limit} slots for the length of the window, in a store where taking a free slot is atomic.
 * When the store is shared by every node (Keycloak's cluster-wide single-use objects), so is the limit; slots free
 * themselves when their time is up, so the store holds at most {@code limit} entries per key that tried lately.
 */
public final class AttemptLimit {

    /** Where the slots live: {@link #take} takes a slot that is free, for a while, and says whether it did. */
    @FunctionalInterface
    public interface Slots {
        boolean take(String slot, Duration lifespan);
    }

    private final int limit;
    private final Duration window;

    public AttemptLimit(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
    }

    /** Records an attempt for the key; false when the key has used up its attempts in the window (nothing is taken then). */
    public boolean tryAcquire(Slots slots, String key) {
        for (int slot = 0; slot < limit; slot++) {
            if (slots.take(key + "#" + slot, window)) {
                return true;
            }
        }
        return false;
    }
}
