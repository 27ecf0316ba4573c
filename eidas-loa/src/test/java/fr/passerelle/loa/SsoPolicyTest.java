package fr.passerelle.loa;

import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsoPolicyTest {

    @Test
    void blankCeilingMeansSsoUpToEidas2() {
        assertEquals(new SsoPolicy(SUBSTANTIAL), SsoPolicy.parse(null));
        assertEquals(new SsoPolicy(SUBSTANTIAL), SsoPolicy.parse(" "));
    }

    @Test
    void ceilingIsReadFromItsAcr() {
        assertEquals(new SsoPolicy(HIGH), SsoPolicy.parse("eidas3"));
        assertEquals(new SsoPolicy(LOW), SsoPolicy.parse(" eidas1 "));
    }

    @Test
    void unknownCeilingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SsoPolicy.parse("none"));
    }

    @ParameterizedTest(name = "ceiling {0}, session {1}, request {2}: reuse {3}")
    @CsvSource({
            // session below the request
            "eidas2, eidas1, eidas2, false",
            "eidas2, eidas1, eidas3, false",
            "eidas2, eidas2, eidas3, false",
            // session satisfies the request, at or below the ceiling
            "eidas2, eidas1, eidas1, true",
            "eidas2, eidas2, eidas1, true",
            "eidas2, eidas2, eidas2, true",
            // session above the ceiling is never reused, whatever the request
            "eidas2, eidas3, eidas1, false",
            "eidas2, eidas3, eidas3, false",
            "eidas3, eidas3, eidas3, true",
            "eidas1, eidas2, eidas1, false",
            "eidas1, eidas1, eidas1, true",
    })
    void sessionIsReusedOnlyWhenItSatisfiesTheRequestWithinTheCeiling(String ceiling, String session, String requested,
                                                                      boolean reused) {
        SsoPolicy policy = SsoPolicy.parse(ceiling);

        assertEquals(reused, policy.mayReuse(level(session), level(requested)));
    }

    @Test
    void sessionWithoutRecordedLevelIsNeverReused() {
        assertFalse(new SsoPolicy(HIGH).mayReuse(null, LOW));
    }

    private static EidasLevel level(String acr) {
        return EidasLevel.fromAcr(acr).orElseThrow();
    }
}
