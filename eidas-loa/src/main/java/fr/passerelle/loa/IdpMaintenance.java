package fr.passerelle.loa;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity provider's maintenance, as its configuration states it: either a scheduled window (start, end,
 * message), announced on the choice page before it starts, in force while it runs, lifted by itself after it
 * ends; or, with no window, a message alone, in force until the operator clears it. Everything follows from
 * the configuration and the time asked about: every node answers the same.
 */
public final class IdpMaintenance {

    /** A scheduled window; times keep the offset the operator wrote, which is how the page shows them. */
    public record Window(OffsetDateTime start, OffsetDateTime end, String message) {

        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a maintenance window must end after it starts");
            }
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("a maintenance window needs a message for the people it turns away");
            }
        }
    }

    private static final IdpMaintenance NONE = new IdpMaintenance(null, null);

    private final Window window;
    private final String message;

    private IdpMaintenance(Window window, String message) {
        this.window = window;
        this.message = message;
    }

    /**
     * Reads the three settings; blank means unset.
     *
     * @param start ISO-8601 date-time with offset, e.g. {@code 2026-12-24T22:00+01:00}
     * @param end   the same, after {@code start}
     * @throws IllegalArgumentException when only one of start and end is set, a date does not parse, the window
     *                                  ends before it starts or has no message
     */
    public static IdpMaintenance parse(String start, String end, String message) {
        boolean hasStart = start != null && !start.isBlank();
        boolean hasEnd = end != null && !end.isBlank();
        String text = message == null || message.isBlank() ? null : message.strip();
        if (!hasStart && !hasEnd) {
            return text == null ? NONE : new IdpMaintenance(null, text);
        }
        if (hasStart != hasEnd) {
            throw new IllegalArgumentException("a maintenance window needs both a start and an end");
        }
        return new IdpMaintenance(new Window(dateTime(start), dateTime(end), text), text);
    }

    /** The message to show instead of letting people pick the IdP at {@code now}; empty when it may be picked. */
    public Optional<String> messageAt(Instant now) {
        if (window == null) {
            return Optional.ofNullable(message);
        }
        boolean running = !now.isBefore(window.start().toInstant()) && now.isBefore(window.end().toInstant());
        return running ? Optional.of(message) : Optional.empty();
    }

    /** The window to announce at {@code now}: one that has not started yet. */
    public Optional<Window> announcementAt(Instant now) {
        return window != null && now.isBefore(window.start().toInstant()) ? Optional.of(window) : Optional.empty();
    }

    private static OffsetDateTime dateTime(String value) {
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date-time with offset (e.g. 2026-12-24T22:00+01:00): " + value.strip());
        }
    }
}
