package fr.passerelle.loa;

import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EidasLevelTest {

    @Test
    void levelsCarryTheirAcrAndLoa() {
        assertEquals("eidas1", LOW.acr());
        assertEquals(1, LOW.loa());
        assertEquals("eidas2", SUBSTANTIAL.acr());
        assertEquals(2, SUBSTANTIAL.loa());
        assertEquals("eidas3", HIGH.acr());
        assertEquals(3, HIGH.loa());
    }

    @Test
    void acrIsReadIgnoringBlanksAndCase() {
        assertEquals(Optional.of(SUBSTANTIAL), EidasLevel.fromAcr("eidas2"));
        assertEquals(Optional.of(HIGH), EidasLevel.fromAcr("  EIDAS3 "));
    }

    @Test
    void unknownOrMissingAcrNamesNoLevel() {
        assertEquals(Optional.empty(), EidasLevel.fromAcr("eidas4"));
        assertEquals(Optional.empty(), EidasLevel.fromAcr("eidas"));
        assertEquals(Optional.empty(), EidasLevel.fromAcr(""));
        assertEquals(Optional.empty(), EidasLevel.fromAcr(null));
    }

    @Test
    void loaNamesItsLevel() {
        assertEquals(Optional.of(LOW), EidasLevel.fromLoa(1));
        assertEquals(Optional.of(HIGH), EidasLevel.fromLoa(3));
        assertEquals(Optional.empty(), EidasLevel.fromLoa(0));
        assertEquals(Optional.empty(), EidasLevel.fromLoa(4));
    }

    @Test
    void levelsAreOrderedLowSubstantialHigh() {
        assertTrue(HIGH.isAtLeast(SUBSTANTIAL));
        assertTrue(SUBSTANTIAL.isAtLeast(SUBSTANTIAL));
        assertFalse(LOW.isAtLeast(SUBSTANTIAL));
        assertEquals(HIGH, EidasLevel.max(LOW, HIGH));
        assertEquals(HIGH, EidasLevel.max(HIGH, LOW));
        assertEquals(LOW, EidasLevel.min(SUBSTANTIAL, LOW));
        assertEquals(LOW, EidasLevel.min(LOW, SUBSTANTIAL));
    }
}
