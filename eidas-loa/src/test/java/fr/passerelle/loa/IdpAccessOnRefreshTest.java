package fr.passerelle.loa;

import static fr.passerelle.loa.DemoIdps.IMPOTS_LEVELS;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A session a service keeps by the refresh-token grant is judged by the rules as they are now. */
class IdpAccessOnRefreshTest {

    private static final SpIdpRules ANY_IDP = SpIdpRules.parse("", "");

    @Test
    void aSessionTheRulesStillAllowGoesOn() {
        assertEquals(Optional.empty(), new IdpAccess(DemoIdps.all(), ANY_IDP, LOW).refusalOfSession("impots", LOW));
        assertEquals(Optional.empty(), new IdpAccess(DemoIdps.all(), ANY_IDP, SUBSTANTIAL)
                .refusalOfSession("identite-numerique", SUBSTANTIAL));
    }

    @Test
    void anIdpTheServiceDeniesSinceTheLoginEndsTheSession() {
        assertEquals(Optional.of(OptionState.EXCLUDED_FOR_SP),
                new IdpAccess(DemoIdps.all(), SpIdpRules.parse("", "impots"), LOW).refusalOfSession("impots", LOW));
        assertEquals(Optional.of(OptionState.EXCLUDED_FOR_SP),
                new IdpAccess(DemoIdps.all(), SpIdpRules.parse("eidas", ""), LOW).refusalOfSession("impots", LOW));
    }

    @Test
    void anIdpInMaintenanceOrGoneEndsTheSession() {
        IdpEntry impotsInMaintenance = new IdpEntry("impots", "Impôts (démo)", false, "Maintenance", IMPOTS_LEVELS);
        assertEquals(Optional.of(OptionState.MAINTENANCE),
                new IdpAccess(List.of(impotsInMaintenance), ANY_IDP, LOW).refusalOfSession("impots", LOW));
        assertEquals(Optional.of(OptionState.UNKNOWN),
                new IdpAccess(List.of(DemoIdps.eidas()), ANY_IDP, LOW).refusalOfSession("impots", LOW));
        assertEquals(Optional.of(OptionState.UNKNOWN), new IdpAccess(DemoIdps.all(), ANY_IDP, LOW).refusalOfSession(null, LOW));
    }

    @Test
    void aSessionBelowTheMinimumTheServiceNowAsksEnds() {
        assertEquals(Optional.of(OptionState.SESSION_LEVEL_BELOW_MINIMUM),
                new IdpAccess(DemoIdps.all(), ANY_IDP, SUBSTANTIAL).refusalOfSession("identite-numerique", LOW));
        assertEquals(Optional.of(OptionState.SESSION_LEVEL_BELOW_MINIMUM),
                new IdpAccess(DemoIdps.all(), ANY_IDP, LOW).refusalOfSession("impots", null));
    }

    @Test
    void aHiddenIdpsSessionOpenedByHintGoesOn() {
        IdpEntry hiddenImpots = new IdpEntry("impots", "Impôts (démo)", true, null, IMPOTS_LEVELS);
        assertEquals(Optional.empty(), new IdpAccess(List.of(hiddenImpots), ANY_IDP, LOW).refusalOfSession("impots", LOW));
    }
}
