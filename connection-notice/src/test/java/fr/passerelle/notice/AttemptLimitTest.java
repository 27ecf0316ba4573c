package fr.passerelle.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class AttemptLimitTest {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    /** A shared store as Keycloak's single-use objects behave: a free or expired slot is taken atomically. */
    static final class Store implements AttemptLimit.Slots {
        final Map<String, Instant> expiries = new ConcurrentHashMap<>();
        final AtomicReference<Instant> clock = new AtomicReference<>(NOW);

        @Override
        public boolean take(String slot, Duration lifespan) {
            Instant now = clock.get();
            Instant[] taken = new Instant[1];
            expiries.compute(slot, (key, expiry) -> {
                if (expiry != null && expiry.isAfter(now)) {
                    return expiry;
                }
                taken[0] = now.plus(lifespan);
                return taken[0];
            });
            return taken[0] != null;
        }
    }

    @Test
    void aKeyGetsItsAttemptsThenWaitsAndOtherKeysAreNotConcerned() {
        AttemptLimit limit = new AttemptLimit(3, Duration.ofMinutes(15));
        Store store = new Store();
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire(store, "realm|198.51.100.7"));
        }
        assertFalse(limit.tryAcquire(store, "realm|198.51.100.7"));
        assertFalse(limit.tryAcquire(store, "realm|198.51.100.7"));
        assertTrue(limit.tryAcquire(store, "realm|198.51.100.8"));
        assertTrue(limit.tryAcquire(store, "other-realm|198.51.100.7"));
        assertEquals(5, store.expiries.size(), "a refused attempt takes nothing");
    }

    @Test
    void theLimitHoldsOverAnyStretchAsLongAsTheWindowNotPerCalendarSlice() {
        AttemptLimit limit = new AttemptLimit(2, Duration.ofMinutes(15));
        Store store = new Store();
        assertTrue(limit.tryAcquire(store, "k"));
        store.clock.set(NOW.plus(Duration.ofMinutes(10)));
        assertTrue(limit.tryAcquire(store, "k"));
        store.clock.set(NOW.plus(Duration.ofMinutes(14)));
        assertFalse(limit.tryAcquire(store, "k"));
        store.clock.set(NOW.plus(Duration.ofMinutes(15)));
        assertTrue(limit.tryAcquire(store, "k"), "the first attempt's slot is free again");
        assertFalse(limit.tryAcquire(store, "k"), "the second one's is not");
        store.clock.set(NOW.plus(Duration.ofMinutes(25)));
        assertTrue(limit.tryAcquire(store, "k"));
    }

    @Test
    void nodesSharingTheStoreShareTheLimitEvenWhenTheyTryAtTheSameTime() throws Exception {
        AttemptLimit limit = new AttemptLimit(10, Duration.ofMinutes(15));
        Store shared = new Store();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(nodes.submit(() -> limit.tryAcquire(shared, "realm|203.0.113.9")));
            }
            int accepted = 0;
            for (Future<Boolean> attempt : attempts) {
                accepted += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(10, accepted);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aLimitOrWindowThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(1, Duration.ZERO));
    }
}
