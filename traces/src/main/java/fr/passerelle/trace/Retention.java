package fr.passerelle.trace;

import java.time.Duration;
import java.time.Instant;

/**
 * How long traces are kept: the realm attribute {@value #ATTRIBUTE}, in days, {@value #DEFAULT_DAYS} when
 * absent or not a whole number of days between {@value #MIN_DAYS} and {@value #MAX_DAYS}.
 */
public record Retention(int days) {

    public static final String ATTRIBUTE = "passerelle.trace-retention-days";
    public static final int DEFAULT_DAYS = 180;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;

    public Retention {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("retention must be between " + MIN_DAYS + " and " + MAX_DAYS + " days: " + days);
        }
    }

    /** Reads the attribute's value; a missing or invalid one gives the default rather than stopping the purge. */
    public static Retention fromAttribute(String value) {
        if (value == null || value.isBlank()) {
            return new Retention(DEFAULT_DAYS);
        }
        try {
            int days = Integer.parseInt(value.trim());
            return days < MIN_DAYS || days > MAX_DAYS ? new Retention(DEFAULT_DAYS) : new Retention(days);
        } catch (NumberFormatException e) {
            return new Retention(DEFAULT_DAYS);
        }
    }

    /** Traces strictly older than this instant are purged. */
    public Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
