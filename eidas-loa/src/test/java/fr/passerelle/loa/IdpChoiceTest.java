package fr.passerelle.loa;

import static fr.passerelle.loa.DemoIdps.EIDAS_LEVELS;
import static fr.passerelle.loa.DemoIdps.IMPOTS_LEVELS;
import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static fr.passerelle.loa.OptionState.AVAILABLE;
import static fr.passerelle.loa.OptionState.EXCLUDED_FOR_SP;
import static fr.passerelle.loa.OptionState.LEVEL_UNREACHABLE;
import static fr.passerelle.loa.OptionState.MAINTENANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdpChoiceTest {

    private static final SpIdpRules ANY_IDP = SpIdpRules.parse("", "");

    private static List<String> aliases(List<IdpOption> options) {
        return options.stream().map(option -> option.entry().alias()).toList();
    }

    private static List<OptionState> states(List<IdpOption> options) {
        return options.stream().map(IdpOption::state).toList();
    }

    @Test
    void requestForEidas2DisablesTheIdpThatStopsAtEidas1() {
        List<IdpOption> options = IdpChoice.options(new IdpAccess(DemoIdps.all(), ANY_IDP, SUBSTANTIAL));

        assertEquals(List.of("impots", "identite-numerique", "eidas"), aliases(options));
        assertEquals(List.of(LEVEL_UNREACHABLE, AVAILABLE, AVAILABLE), states(options));
        assertFalse(options.get(0).selectable());
        assertTrue(options.get(1).selectable());
    }

    @Test
    void requestForEidas1OffersEveryDemoIdp() {
        assertEquals(List.of(AVAILABLE, AVAILABLE, AVAILABLE), states(IdpChoice.options(new IdpAccess(DemoIdps.all(), ANY_IDP, LOW))));
    }

    @Test
    void requestForEidas3LeavesOnlyTheEidasNode() {
        assertEquals(List.of(LEVEL_UNREACHABLE, LEVEL_UNREACHABLE, AVAILABLE),
                states(IdpChoice.options(new IdpAccess(DemoIdps.all(), ANY_IDP, HIGH))));
    }

    @Test
    void idpInMaintenanceIsShownDisabledWithItsMessage() {
        IdpEntry impots = new IdpEntry("impots", "Impôts (démo)", false, "De retour à 14 h", IMPOTS_LEVELS);

        List<IdpOption> options = IdpChoice.options(new IdpAccess(List.of(impots, DemoIdps.eidas()), ANY_IDP, LOW));

        assertEquals(List.of(MAINTENANCE, AVAILABLE), states(options));
        assertEquals("De retour à 14 h", options.get(0).entry().maintenanceMessage());
    }

    @Test
    void blankMaintenanceMessageMeansNoMaintenance() {
        IdpEntry impots = new IdpEntry("impots", "Impôts (démo)", false, "  ", IMPOTS_LEVELS);

        assertFalse(impots.inMaintenance());
        assertEquals(List.of(AVAILABLE), states(IdpChoice.options(new IdpAccess(List.of(impots), ANY_IDP, LOW))));
    }

    @Test
    void hiddenIdpIsLeftOffThePage() {
        IdpEntry hidden = new IdpEntry("identite-numerique", "Identité Numérique (démo)", true, null,
                DemoIdps.IDENTITE_NUMERIQUE_LEVELS);

        assertEquals(List.of("impots", "eidas"),
                aliases(IdpChoice.options(new IdpAccess(List.of(DemoIdps.impots(), hidden, DemoIdps.eidas()), ANY_IDP, LOW))));
    }

    @Test
    void idpsTheSpDeniesAreShownExcluded() {
        assertEquals(List.of(AVAILABLE, AVAILABLE, EXCLUDED_FOR_SP),
                states(IdpChoice.options(new IdpAccess(DemoIdps.all(), SpIdpRules.parse("", "eidas"), LOW))));
    }

    @Test
    void idpsOutsideTheSpsAllowListAreShownExcluded() {
        assertEquals(List.of(EXCLUDED_FOR_SP, AVAILABLE, EXCLUDED_FOR_SP),
                states(IdpChoice.options(new IdpAccess(DemoIdps.all(), SpIdpRules.parse("identite-numerique", ""), LOW))));
    }

    @Test
    void maintenanceIsNamedBeforeExclusionAndExclusionBeforeLevel() {
        IdpEntry impotsInMaintenance = new IdpEntry("impots", "Impôts (démo)", false, "Maintenance", IMPOTS_LEVELS);
        SpIdpRules denyImpots = SpIdpRules.parse("", "impots");

        assertEquals(List.of(MAINTENANCE), states(IdpChoice.options(new IdpAccess(List.of(impotsInMaintenance), denyImpots, HIGH))));
        assertEquals(List.of(EXCLUDED_FOR_SP), states(IdpChoice.options(new IdpAccess(List.of(DemoIdps.impots()), denyImpots, HIGH))));
    }

    @Test
    void missingDisplayNameShowsTheAlias() {
        assertEquals("eidas", new IdpEntry("eidas", null, false, null, EIDAS_LEVELS).displayName());
    }

    @Test
    void availableChoiceIsFollowed() {
        assertEquals(Optional.empty(),
                new IdpAccess(DemoIdps.all(), ANY_IDP, SUBSTANTIAL).refusalFor("identite-numerique", IdpAccess.Route.PAGE));
    }

    @Test
    void craftedChoiceOfADisabledIdpIsRefusedWithItsReason() {
        assertEquals(Optional.of(LEVEL_UNREACHABLE), new IdpAccess(DemoIdps.all(), ANY_IDP, SUBSTANTIAL).refusalFor("impots", IdpAccess.Route.PAGE));
        assertEquals(Optional.of(EXCLUDED_FOR_SP),
                new IdpAccess(DemoIdps.all(), SpIdpRules.parse("", "eidas"), LOW).refusalFor("eidas", IdpAccess.Route.PAGE));
        IdpEntry eidasInMaintenance = new IdpEntry("eidas", "eIDAS", false, "Maintenance", EIDAS_LEVELS);
        assertEquals(Optional.of(MAINTENANCE),
                new IdpAccess(List.of(DemoIdps.impots(), eidasInMaintenance), ANY_IDP, LOW).refusalFor("eidas", IdpAccess.Route.PAGE));
    }

    @Test
    void craftedChoiceOfAnUnknownIdpIsRefused() {
        assertEquals(Optional.of(OptionState.UNKNOWN), new IdpAccess(DemoIdps.all(), ANY_IDP, LOW).refusalFor("franceconnect", IdpAccess.Route.PAGE));
        assertEquals(Optional.of(OptionState.UNKNOWN), new IdpAccess(DemoIdps.all(), ANY_IDP, LOW).refusalFor(null, IdpAccess.Route.PAGE));
    }

    @Test
    void craftedChoiceOfAHiddenIdpIsRefusedAsUnknown() {
        IdpEntry hiddenImpots = new IdpEntry("impots", "Impôts (démo)", true, null, IMPOTS_LEVELS);

        assertEquals(Optional.of(OptionState.UNKNOWN),
                new IdpAccess(List.of(hiddenImpots, DemoIdps.eidas()), ANY_IDP, LOW).refusalFor("impots", IdpAccess.Route.PAGE));
    }

    @Test
    void aHiddenIdpMayBeReachedByHintOnly() {
        IdpEntry hiddenImpots = new IdpEntry("impots", "Impôts (démo)", true, null, IMPOTS_LEVELS);
        IdpAccess access = new IdpAccess(List.of(hiddenImpots, DemoIdps.eidas()), ANY_IDP, LOW);

        assertEquals(Optional.empty(), access.refusalFor("impots", IdpAccess.Route.HINT));
        assertEquals(Optional.of(OptionState.UNKNOWN), access.refusalFor("impots", IdpAccess.Route.PAGE));
    }

    @Test
    void anAnswerFromAnIdpTheBrokerDidNotSendTheLoginToIsRefused() {
        IdpAccess access = new IdpAccess(DemoIdps.all(), ANY_IDP, LOW);

        assertEquals(Optional.of(OptionState.NOT_DISPATCHED), access.refusalOfAnswer("impots", "identite-numerique", IdpAccess.Route.PAGE));
        assertEquals(Optional.of(OptionState.NOT_DISPATCHED), access.refusalOfAnswer("impots", null, null));
        assertEquals(Optional.empty(), access.refusalOfAnswer("impots", "impots", IdpAccess.Route.PAGE));
    }

    @Test
    void anAnswerIsJudgedAgainstTheRulesOfNowNotThoseOfTheDeparture() {
        IdpEntry impotsNowInMaintenance = new IdpEntry("impots", "Impôts (démo)", false, "Maintenance", IMPOTS_LEVELS);

        assertEquals(Optional.of(MAINTENANCE), new IdpAccess(List.of(impotsNowInMaintenance), ANY_IDP, LOW)
                .refusalOfAnswer("impots", "impots", IdpAccess.Route.PAGE));
        assertEquals(Optional.of(EXCLUDED_FOR_SP), new IdpAccess(DemoIdps.all(), SpIdpRules.parse("", "impots"), LOW)
                .refusalOfAnswer("impots", "impots", IdpAccess.Route.HINT));
        assertEquals(Optional.of(LEVEL_UNREACHABLE), new IdpAccess(DemoIdps.all(), ANY_IDP, SUBSTANTIAL)
                .refusalOfAnswer("impots", "impots", IdpAccess.Route.PAGE));
    }

    @Test
    void aSessionIsReusedOnlyFromAnIdpTheServiceAcceptsAndTheRealmStillHas() {
        IdpAccess denyImpots = new IdpAccess(DemoIdps.all(), SpIdpRules.parse("", "impots"), LOW);

        assertFalse(denyImpots.permitsSessionFrom("impots"));
        assertTrue(denyImpots.permitsSessionFrom("eidas"));
        assertFalse(denyImpots.permitsSessionFrom("removed-idp"));
        assertFalse(denyImpots.permitsSessionFrom(null));
    }
}
