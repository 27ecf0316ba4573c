package fr.passerelle.pivot;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthdate as an IdP asserted it. Civil registries hold presumed dates for people whose day or
 * month of birth is unknown ({@code 1972-00-00}); the raw value is kept because it is the evidence
 * the IdP gave, while service providers receive a calendar date with {@code 00} read as {@code 01}.
 *
 * @param raw      the IdP's value, handed to service providers as {@code idp_birthdate}
 * @param presumed the calendar date handed to service providers as {@code birthdate}
 */
public record Birthdate(String raw, LocalDate presumed) {

    static final int FIRST_YEAR = 1850;

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    /** The zone where each day starts first, so that no birthdate that is already past anywhere is refused. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    public Birthdate {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(presumed, "presumed");
    }

    /**
     * Reads {@code YYYY-MM-DD}, where {@code DD} or both {@code MM} and {@code DD} may be {@code 00};
     * the date read must exist, be from {@value #FIRST_YEAR} on and not be in the future.
     */
    public static Optional<Birthdate> parse(String raw) {
        return parse(raw, LocalDate.now(EARLIEST_ZONE));
    }

    static Optional<Birthdate> parse(String raw, LocalDate today) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher date = FORMAT.matcher(raw);
        if (!date.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(date.group(1));
        int month = Integer.parseInt(date.group(2));
        int day = Integer.parseInt(date.group(3));
        if (year < FIRST_YEAR || month > 12 || (month == 0 && day != 0)) {
            return Optional.empty();
        }
        YearMonth presumedMonth = YearMonth.of(year, Math.max(month, 1));
        int presumedDay = Math.max(day, 1);
        if (presumedDay > presumedMonth.lengthOfMonth()) {
            return Optional.empty();
        }
        LocalDate presumed = presumedMonth.atDay(presumedDay);
        if (presumed.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(new Birthdate(raw, presumed));
    }

    /** The {@code birthdate} claim: {@code YYYY-MM-DD}, with unknown parts read as {@code 01}. */
    public String claim() {
        return presumed.toString();
    }
}
