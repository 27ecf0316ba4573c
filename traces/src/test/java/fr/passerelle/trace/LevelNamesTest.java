package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LevelNamesTest {

    private static final Map<String, Integer> EIDAS = Map.of("eidas1", 1, "eidas2", 2, "eidas3", 3);

    @Test
    void aLevelReadsBackAsItsAcrValue() {
        assertEquals("eidas2", LevelNames.acr(2, EIDAS));
    }

    @Test
    void noLevelOrAnUnmappedOneHasNoAcr() {
        assertNull(LevelNames.acr(-1, EIDAS));
        assertNull(LevelNames.acr(7, EIDAS));
        assertNull(LevelNames.acr(1, null));
    }

    @Test
    void aStoredNoteReadsBackAsItsAcrValueAndAnythingElseAsNone() {
        assertEquals("eidas3", LevelNames.acrOfNote("3", EIDAS));
        assertNull(LevelNames.acrOfNote(null, EIDAS));
        assertNull(LevelNames.acrOfNote("eidas3", EIDAS));
        assertNull(LevelNames.acrOfNote("", EIDAS));
    }
}
