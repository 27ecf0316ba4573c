package fr.passerelle.loa;

import static fr.passerelle.loa.DemoIdps.EIDAS_HIGH;
import static fr.passerelle.loa.DemoIdps.EIDAS_LOW;
import static fr.passerelle.loa.DemoIdps.EIDAS_SUBSTANTIAL;
import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdpLevelPolicyTest {

    @Test
    void emptyMappingMeansTheIdpSpeaksTheBrokersAcrValues() {
        IdpLevelPolicy policy = IdpLevelPolicy.parse("eidas1,eidas2", "", "");

        assertEquals(EnumSet.of(LOW, SUBSTANTIAL), policy.assertable());
        assertEquals(Map.of("eidas1", LOW, "eidas2", SUBSTANTIAL, "eidas3", HIGH), policy.upstreamValues());
        assertEquals(LOW, policy.minimum());
        assertEquals(IdpLevelPolicy.oidc(EnumSet.of(LOW, SUBSTANTIAL)), policy);
    }

    @Test
    void mappingEntriesAreSeparatedBySemicolonsOrLines() {
        IdpLevelPolicy policy = IdpLevelPolicy.parse(" eidas2, eidas3 ",
                "http://eidas.europa.eu/LoA/low=eidas1;\n http://eidas.eu/LoA/substantial = eidas2 \r\nurn:idp:loa:high=EIDAS3;",
                "eidas3");

        assertEquals(EnumSet.of(SUBSTANTIAL, HIGH), policy.assertable());
        assertEquals(Map.of("http://eidas.europa.eu/LoA/low", LOW, "http://eidas.eu/LoA/substantial", SUBSTANTIAL,
                "urn:idp:loa:high", HIGH), policy.upstreamValues());
        assertEquals(HIGH, policy.minimum());
    }

    @Test
    void blankMinimumMeansTheLowestAssertableLevel() {
        assertEquals(SUBSTANTIAL, IdpLevelPolicy.parse("eidas3,eidas2", null, "  ").minimum());
    }

    @Test
    void unknownAssertableLevelIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1,substantial", "", ""));
        assertTrue(error.getMessage().contains("'substantial'"), error.getMessage());
    }

    @Test
    void noAssertableLevelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdpLevelPolicy.parse(" , ", "", ""));
        assertThrows(IllegalArgumentException.class, () -> IdpLevelPolicy.parse(null, "", ""));
    }

    @Test
    void mappingEntryWithoutEqualsSignIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1", "eidas1=eidas1;http://eidas.europa.eu/LoA/low", ""));
        assertTrue(error.getMessage().contains("'http://eidas.europa.eu/LoA/low'"), error.getMessage());
    }

    @Test
    void mappingEntryWithTwoEqualsSignsIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1", "urn:a=b=eidas1", ""));
        assertTrue(error.getMessage().contains("'urn:a=b=eidas1'"), error.getMessage());
    }

    @Test
    void mappingEntryToAnUnknownLevelIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1", "urn:loa:low=eidas1;urn:loa:max=eidas4", ""));
        assertTrue(error.getMessage().contains("'urn:loa:max=eidas4'"), error.getMessage());
    }

    @Test
    void mappingEntryWithoutUpstreamValueIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1", " =eidas1", ""));
        assertTrue(error.getMessage().contains("'=eidas1'"), error.getMessage());
    }

    @Test
    void upstreamValueMappedToTwoLevelsIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1,eidas2", "urn:loa=eidas1;urn:loa=eidas2", ""));
        assertTrue(error.getMessage().contains("'urn:loa'"), error.getMessage());
    }

    @Test
    void upstreamValueRepeatedWithTheSameLevelIsHarmless() {
        assertEquals(Map.of("urn:loa", LOW), IdpLevelPolicy.parse("eidas1", "urn:loa=eidas1;urn:loa=eidas1", "").upstreamValues());
    }

    @Test
    void unknownMinimumIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1", "", "medium"));
        assertTrue(error.getMessage().contains("'medium'"), error.getMessage());
    }

    @Test
    void minimumOutsideTheAssertableLevelsIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1,eidas2", "", "eidas3"));
        assertTrue(error.getMessage().contains("eidas3"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IdpLevelPolicy.parse("eidas2,eidas3", "", "eidas1"));
    }

    @Test
    void assertableLevelNoUpstreamValueMapsToIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IdpLevelPolicy.parse("eidas1,eidas2", "urn:loa:low=eidas1", ""));
        assertTrue(error.getMessage().contains("eidas2"), error.getMessage());
    }

    @Test
    void emptyAssertableSetOrMappingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdpLevelPolicy.oidc(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new IdpLevelPolicy(Set.of(LOW), Map.of(), LOW));
    }

    @Test
    void policyCannotBeChangedAfterwards() {
        Set<EidasLevel> assertable = EnumSet.of(LOW);
        IdpLevelPolicy policy = IdpLevelPolicy.oidc(assertable);
        assertable.add(HIGH);

        assertEquals(Set.of(LOW), policy.assertable());
        assertThrows(UnsupportedOperationException.class, () -> policy.assertable().add(HIGH));
        assertThrows(UnsupportedOperationException.class, () -> policy.upstreamValues().put("x", HIGH));
    }

    @Test
    void ceilingIsTheHighestAssertableLevel() {
        assertEquals(LOW, DemoIdps.IMPOTS_LEVELS.ceiling());
        assertEquals(SUBSTANTIAL, DemoIdps.IDENTITE_NUMERIQUE_LEVELS.ceiling());
        assertEquals(HIGH, DemoIdps.EIDAS_LEVELS.ceiling());
    }

    @Test
    void idpReachesTheLevelsUpToItsCeiling() {
        assertTrue(DemoIdps.IDENTITE_NUMERIQUE_LEVELS.canReach(LOW));
        assertTrue(DemoIdps.IDENTITE_NUMERIQUE_LEVELS.canReach(SUBSTANTIAL));
        assertFalse(DemoIdps.IDENTITE_NUMERIQUE_LEVELS.canReach(HIGH));
        assertTrue(DemoIdps.EIDAS_LEVELS.canReach(LOW));
    }

    @Test
    void brokerAsksTheIdpAtLeastItsMinimum() {
        assertEquals(SUBSTANTIAL, DemoIdps.EIDAS_LEVELS.levelToAsk(LOW));
        assertEquals(HIGH, DemoIdps.EIDAS_LEVELS.levelToAsk(HIGH));
        assertEquals(LOW, DemoIdps.IDENTITE_NUMERIQUE_LEVELS.levelToAsk(LOW));
    }

    @Test
    void eidasSamlPresetAsksWithTheEidasUris() {
        assertEquals(EIDAS_LOW, DemoIdps.EIDAS_LEVELS.upstreamValueFor(LOW));
        assertEquals(EIDAS_SUBSTANTIAL, DemoIdps.EIDAS_LEVELS.upstreamValueFor(SUBSTANTIAL));
        assertEquals(EIDAS_HIGH, DemoIdps.EIDAS_LEVELS.upstreamValueFor(HIGH));
    }

    @Test
    void oidcPresetAsksWithTheBrokersAcrValues() {
        assertEquals("eidas2", DemoIdps.IDENTITE_NUMERIQUE_LEVELS.upstreamValueFor(SUBSTANTIAL));
    }

    @Test
    void levelWithoutItsOwnUpstreamValueIsAskedWithTheNextOneUp() {
        IdpLevelPolicy policy = IdpLevelPolicy.parse("eidas1,eidas3", "urn:loa:basic=eidas1;urn:loa:strong=eidas3", "");

        assertEquals("urn:loa:strong", policy.upstreamValueFor(SUBSTANTIAL));
    }

    @Test
    void severalUpstreamValuesForOneLevelGiveTheFirstInSortedOrder() {
        IdpLevelPolicy policy = IdpLevelPolicy.parse("eidas2", "urn:z:loa2=eidas2;urn:a:loa2=eidas2;urn:m:loa2=eidas2", "");

        assertEquals("urn:a:loa2", policy.upstreamValueFor(SUBSTANTIAL));
        assertEquals("urn:a:loa2", policy.upstreamValueFor(LOW));
    }

    @Test
    void levelAboveEveryUpstreamValueCannotBeAsked() {
        IdpLevelPolicy policy = IdpLevelPolicy.parse("eidas1", "urn:loa:basic=eidas1", "");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> policy.upstreamValueFor(HIGH));
        assertTrue(error.getMessage().contains("eidas3"), error.getMessage());
    }
}
