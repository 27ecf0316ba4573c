package fr.passerelle.loa;

import static fr.passerelle.loa.DemoIdps.EIDAS_HIGH;
import static fr.passerelle.loa.DemoIdps.EIDAS_LEVELS;
import static fr.passerelle.loa.DemoIdps.EIDAS_LOW;
import static fr.passerelle.loa.DemoIdps.EIDAS_SUBSTANTIAL;
import static fr.passerelle.loa.DemoIdps.IDENTITE_NUMERIQUE_LEVELS;
import static fr.passerelle.loa.DemoIdps.IMPOTS_LEVELS;
import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelJudgeTest {

    @Test
    void noValueAtAllIsMissing() {
        Refused missing = new Refused(LevelRefusal.MISSING);
        assertEquals(missing, LevelJudge.judge(IMPOTS_LEVELS, LOW, null));
        assertEquals(missing, LevelJudge.judge(IMPOTS_LEVELS, LOW, List.of()));
        assertEquals(missing, LevelJudge.judge(IMPOTS_LEVELS, LOW, Arrays.asList("", "  ", null)));
    }

    @Test
    void valuesTheIdpDoesNotMapAreUnknown() {
        assertEquals(new Refused(LevelRefusal.UNKNOWN),
                LevelJudge.judge(IMPOTS_LEVELS, LOW, List.of("urn:oasis:names:tc:SAML:2.0:ac:classes:Password")));
        // The OIDC IdP speaks acr values, not eIDAS URIs.
        assertEquals(new Refused(LevelRefusal.UNKNOWN), LevelJudge.judge(IDENTITE_NUMERIQUE_LEVELS, LOW, List.of(EIDAS_LOW)));
    }

    @Test
    void valueMatchingTheRequestIsAccepted() {
        assertEquals(new Accepted(SUBSTANTIAL, false), LevelJudge.judge(IDENTITE_NUMERIQUE_LEVELS, SUBSTANTIAL, List.of("eidas2")));
    }

    @Test
    void valueAboveTheRequestIsAcceptedAtItsOwnLevel() {
        assertEquals(new Accepted(SUBSTANTIAL, false), LevelJudge.judge(IDENTITE_NUMERIQUE_LEVELS, LOW, List.of(" eidas2 ")));
    }

    @Test
    void duplicatedIdenticalValuesCountOnce() {
        assertEquals(new Accepted(HIGH, false), LevelJudge.judge(EIDAS_LEVELS, HIGH, List.of(EIDAS_HIGH, EIDAS_HIGH)));
    }

    @Test
    void severalDifferentValuesGiveTheLowest() {
        assertEquals(new Accepted(SUBSTANTIAL, false),
                LevelJudge.judge(EIDAS_LEVELS, SUBSTANTIAL, List.of(EIDAS_HIGH, EIDAS_SUBSTANTIAL)));
        assertEquals(new Refused(LevelRefusal.BELOW_REQUEST),
                LevelJudge.judge(EIDAS_LEVELS, HIGH, List.of(EIDAS_HIGH, EIDAS_SUBSTANTIAL)));
    }

    @Test
    void unknownValuesBesideAKnownOneAreIgnored() {
        assertEquals(new Accepted(HIGH, false),
                LevelJudge.judge(EIDAS_LEVELS, HIGH, List.of("urn:oasis:names:tc:SAML:2.0:ac:classes:X509", EIDAS_HIGH)));
    }

    @Test
    void levelAboveTheCeilingIsCapped() {
        assertEquals(new Accepted(SUBSTANTIAL, true), LevelJudge.judge(IDENTITE_NUMERIQUE_LEVELS, LOW, List.of("eidas3")));
    }

    @Test
    void cappedLevelBelowTheRequestIsRefused() {
        assertEquals(new Refused(LevelRefusal.BELOW_REQUEST),
                LevelJudge.judge(IDENTITE_NUMERIQUE_LEVELS, HIGH, List.of("eidas3")));
    }

    @Test
    void levelTheIdpMayNotAssertIsRefused() {
        assertEquals(new Refused(LevelRefusal.NOT_ASSERTABLE), LevelJudge.judge(EIDAS_LEVELS, LOW, List.of(EIDAS_LOW)));
    }

    @Test
    void levelInAGapOfTheAssertableLevelsIsRefused() {
        IdpLevelPolicy policy = IdpLevelPolicy.parse("eidas1,eidas3", "", "");

        assertEquals(new Refused(LevelRefusal.NOT_ASSERTABLE), LevelJudge.judge(policy, LOW, List.of("eidas2")));
    }

    @Test
    void levelBelowTheRequestIsRefused() {
        assertEquals(new Refused(LevelRefusal.BELOW_REQUEST),
                LevelJudge.judge(IDENTITE_NUMERIQUE_LEVELS, SUBSTANTIAL, List.of("eidas1")));
    }

    @Test
    void elenaSubstantialThroughTheEidasNodeGivesEidas2() {
        assertEquals(new Accepted(SUBSTANTIAL, false), LevelJudge.judge(EIDAS_LEVELS, SUBSTANTIAL, List.of(EIDAS_SUBSTANTIAL)));
    }

    @Test
    void jonasHighThroughTheEidasNodeGivesEidas3() {
        assertEquals(new Accepted(HIGH, false), LevelJudge.judge(EIDAS_LEVELS, SUBSTANTIAL, List.of(EIDAS_HIGH)));
    }

    @Test
    void refusalsCarryTheirCodes() {
        assertEquals("loa-missing", LevelRefusal.MISSING.code());
        assertEquals("loa-unknown", LevelRefusal.UNKNOWN.code());
        assertEquals("loa-insufficient", LevelRefusal.BELOW_REQUEST.code());
        assertEquals("loa-not-assertable", LevelRefusal.NOT_ASSERTABLE.code());
    }
}
