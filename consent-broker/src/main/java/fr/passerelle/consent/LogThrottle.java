package fr.passerelle.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Lets a noisy event through to the log at most once per interval and counts what it held back in between, so
 * that a flood of calls costs the caller, not the log volume.
 */
public final class LogThrottle {

    private final Duration interval;
    private Instant last;
    private long held;

    public LogThrottle(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.interval = interval;
    }

    /**
     * Records one occurrence at {@code now}. When a line may be written, returns how many occurrences it stands
     * for (this one and those held back since the last line); otherwise empty.
     */
    public synchronized OptionalLong occurred(Instant now) {
        held++;
        if (last != null && now.isBefore(last.plus(interval))) {
            return OptionalLong.empty();
        }
        long count = held;
        held = 0;
        last = now;
        return OptionalLong.of(count);
    }
}
