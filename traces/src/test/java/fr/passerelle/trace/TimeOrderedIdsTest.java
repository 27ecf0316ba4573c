package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsThatCarryTheirTime() {
        long time = 1_764_620_000_123L;
        UUID id = UUID.fromString(TimeOrderedIds.next(time));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(time, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsMadeLaterSortAfterAsText() {
        List<String> ids = new ArrayList<>();
        for (long time = 1_764_620_000_000L; time < 1_764_620_000_000L + 2_000; time += 7) {
            ids.add(TimeOrderedIds.next(time));
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
    }

    @Test
    void idsOfTheSameMillisecondDifferAndKeepTheirFormat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = TimeOrderedIds.next(1_764_620_000_000L);
            assertEquals(36, id.length());
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void refusesTimesAUuidCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.next(-1));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.next(1L << 48));
    }
}
