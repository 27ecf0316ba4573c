package fr.passerelle.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdpMaintenanceTest {

    private static final String START = "2026-12-24T22:00+01:00";
    private static final String END = "2026-12-25T02:00+01:00";
    private static final String MESSAGE = "Retour prévu le 25 décembre à 2 h.";
    private static final IdpMaintenance WINDOW = IdpMaintenance.parse(START, END, MESSAGE);

    private static Instant at(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }

    @Test
    void beforeTheWindowItIsAnnouncedAndTheIdpStaysSelectable() {
        Clock dayBefore = Clock.fixed(at("2026-12-23T10:00+01:00"), ZoneOffset.UTC);
        assertEquals(Optional.empty(), WINDOW.messageAt(dayBefore.instant()));
        IdpMaintenance.Window announced = WINDOW.announcementAt(dayBefore.instant()).orElseThrow();
        assertEquals(OffsetDateTime.parse(START), announced.start());
        assertEquals(OffsetDateTime.parse(END), announced.end());
        assertEquals(MESSAGE, announced.message());
    }

    @Test
    void duringTheWindowTheIdpIsInMaintenanceWithItsMessageFromTheFirstInstantToJustBeforeTheEnd() {
        assertEquals(Optional.of(MESSAGE), WINDOW.messageAt(at(START)));
        assertEquals(Optional.of(MESSAGE), WINDOW.messageAt(at(END).minusNanos(1)));
        assertEquals(Optional.empty(), WINDOW.announcementAt(at(START)));
    }

    @Test
    void afterTheWindowNothingRemainsWithoutAnyoneActing() {
        Clock clock = Clock.offset(Clock.fixed(at(END), ZoneOffset.UTC), Duration.ZERO);
        assertEquals(Optional.empty(), WINDOW.messageAt(clock.instant()));
        assertEquals(Optional.empty(), WINDOW.announcementAt(clock.instant()));
        assertEquals(Optional.empty(), WINDOW.messageAt(clock.instant().plus(Duration.ofDays(365))));
    }

    @Test
    void theWindowIsOneInstantWhateverOffsetItIsWrittenIn() {
        IdpMaintenance utc = IdpMaintenance.parse("2026-12-24T21:00Z", "2026-12-25T01:00Z", MESSAGE);
        for (Instant probe : new Instant[] {at(START).minusSeconds(1), at(START), at(END).minusSeconds(1), at(END)}) {
            assertEquals(WINDOW.messageAt(probe), utc.messageAt(probe), probe.toString());
        }
    }

    @Test
    void aMessageWithoutWindowHoldsUntilClearedAndIsNeverAnnounced() {
        IdpMaintenance manual = IdpMaintenance.parse("", " ", "Indisponible.");
        assertEquals(Optional.of("Indisponible."), manual.messageAt(Instant.EPOCH));
        assertEquals(Optional.of("Indisponible."), manual.messageAt(at("2099-01-01T00:00Z")));
        assertEquals(Optional.empty(), manual.announcementAt(Instant.EPOCH));
    }

    @Test
    void nothingConfiguredMeansNoMaintenance() {
        IdpMaintenance none = IdpMaintenance.parse(null, null, "  ");
        assertEquals(Optional.empty(), none.messageAt(Instant.now()));
        assertEquals(Optional.empty(), none.announcementAt(Instant.now()));
    }

    @Test
    void aHalfWindowABadDateAnInvertedWindowOrAWindowWithoutMessageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse(START, "", MESSAGE));
        assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse("", END, MESSAGE));
        assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse("24/12/2026 22:00", END, MESSAGE));
        assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse("2026-12-24T22:00", END, MESSAGE), "an offset is required");
        assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse(END, START, MESSAGE));
        assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse(START, START, MESSAGE));
        IllegalArgumentException noMessage = assertThrows(IllegalArgumentException.class, () -> IdpMaintenance.parse(START, END, ""));
        assertTrue(noMessage.getMessage().contains("message"));
    }
}
