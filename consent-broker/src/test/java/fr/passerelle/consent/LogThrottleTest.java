package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LogThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theFirstOccurrenceIsLoggedAndTheNextOnesWaitForTheInterval() {
        LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1));
        assertEquals(OptionalLong.of(1), throttle.occurred(T0));
        assertEquals(OptionalLong.empty(), throttle.occurred(T0.plusSeconds(1)));
        assertEquals(OptionalLong.empty(), throttle.occurred(T0.plusSeconds(59)));
        assertEquals(OptionalLong.of(3), throttle.occurred(T0.plusSeconds(60)), "the line counts the two held back");
        assertEquals(OptionalLong.empty(), throttle.occurred(T0.plusSeconds(61)));
    }

    @Property
    void aBurstWithinOneIntervalWritesOneLine(@ForAll @IntRange(min = 1, max = 10_000) int calls) {
        LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1));
        int lines = 0;
        for (int i = 0; i < calls; i++) {
            if (throttle.occurred(T0.plusMillis(i)).isPresent()) {
                lines++;
            }
        }
        assertEquals(1, lines);
    }

    @Property
    void nothingIsLostEveryOccurrenceIsCountedInSomeLine(@ForAll @IntRange(min = 1, max = 500) int calls,
                                                          @ForAll @IntRange(min = 1, max = 5000) int stepMillis) {
        LogThrottle throttle = new LogThrottle(Duration.ofSeconds(1));
        long counted = 0;
        Instant now = T0;
        for (int i = 0; i < calls; i++) {
            counted += throttle.occurred(now).orElse(0);
            now = now.plusMillis(stepMillis);
        }
        counted += throttle.occurred(now.plusSeconds(10)).orElse(0);
        assertEquals(calls + 1, counted);
    }
}
