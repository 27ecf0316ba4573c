package fr.passerelle.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} attempts per key within a sliding window; remembers a bounded number of keys (the
 * oldest are forgotten first), so that a flood of distinct keys cannot exhaust memory.
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts;

    public RateLimiter(int limit, Duration window, int maxKeys) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.attempts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Records an attempt; false when the key has used up its attempts in the window (the attempt is not counted). */
    public synchronized boolean tryAcquire(String key, Instant now) {
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant start = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
