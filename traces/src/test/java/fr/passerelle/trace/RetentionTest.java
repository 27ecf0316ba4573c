package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void withoutTheAttributeTracesAreKeptOneHundredEightyDays() {
        assertEquals(180, Retention.fromAttribute(null).days());
    }

    @Test
    void theAttributeSetsTheNumberOfDays() {
        assertEquals(30, Retention.fromAttribute(" 30 ").days());
    }

    @Test
    void anInvalidAttributeFallsBackToTheDefaultRatherThanPurgingEverything() {
        assertEquals(180, Retention.fromAttribute("0").days());
        assertEquals(180, Retention.fromAttribute("-5").days());
        assertEquals(180, Retention.fromAttribute("six months").days());
        assertEquals(180, Retention.fromAttribute("99999").days());
    }

    @Test
    void theCutoffIsThatManyDaysBeforeNow() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), new Retention(31).cutoff(Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void aRetentionOutOfBoundsCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Retention(0));
    }
}
