package fr.passerelle.loa;

import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.loa.RequestedLevel.Source;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LevelRequestParserTest {

    private static RequestedLevel fromAcrValues(String acrValues) {
        return LevelRequestParser.resolve(acrValues, List.of(), List.of(), Optional.empty(), LOW);
    }

    @Test
    void lowestKnownAcrValueWins() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.ACR_VALUES), fromAcrValues("eidas3 eidas2"));
    }

    @Test
    void unknownAcrValuesAreIgnored() {
        assertEquals(new RequestedLevel(HIGH, false, Source.ACR_VALUES),
                fromAcrValues("urn:other:loa:1 eidas3 https://example.org/weak"));
    }

    @Test
    void duplicatedAcrValuesAndExtraBlanksAreHarmless() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.ACR_VALUES), fromAcrValues("  eidas2   eidas2\teidas3 "));
    }

    @Test
    void allUnknownAcrValuesFallBackToTheClientDefault() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.CLIENT_DEFAULT),
                LevelRequestParser.resolve("eidas9 loa-high", List.of(), List.of(), Optional.of(SUBSTANTIAL), LOW));
    }

    @Test
    void withoutClientDefaultThePlatformDefaultApplies() {
        assertEquals(new RequestedLevel(LOW, false, Source.PLATFORM_DEFAULT),
                LevelRequestParser.resolve("eidas9", List.of(), List.of(), Optional.empty(), LOW));
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.PLATFORM_DEFAULT),
                LevelRequestParser.resolve(null, null, null, Optional.empty(), SUBSTANTIAL));
        assertEquals(new RequestedLevel(LOW, false, Source.PLATFORM_DEFAULT),
                LevelRequestParser.resolve("   ", List.of(), List.of(), Optional.empty(), LOW));
    }

    @Test
    void essentialClaimsAcrBeatsAcrValues() {
        assertEquals(new RequestedLevel(HIGH, true, Source.CLAIMS),
                LevelRequestParser.resolve("eidas1", List.of("eidas3"), List.of(), Optional.empty(), LOW));
    }

    @Test
    void lowestKnownEssentialClaimsAcrWins() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, true, Source.CLAIMS),
                LevelRequestParser.resolve(null, List.of("eidas3", "urn:unknown", "eidas2"), List.of(), Optional.empty(), LOW));
    }

    @Test
    void unknownEssentialClaimsAcrFallsThroughToAcrValues() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.ACR_VALUES),
                LevelRequestParser.resolve("eidas2", List.of("urn:unknown"), List.of(), Optional.empty(), LOW));
    }

    @Test
    void anEssentialAcrWithOnlyUnknownValuesIsUnmet() {
        assertTrue(LevelRequestParser.essentialUnmet(List.of("urn:unknown")));
        assertTrue(LevelRequestParser.essentialUnmet(List.of("urn:unknown", "loa-high", "")));
    }

    @Test
    void anEssentialAcrWithOneKnownValueOrNoValueIsMet() {
        assertFalse(LevelRequestParser.essentialUnmet(List.of("urn:unknown", "eidas2")));
        assertFalse(LevelRequestParser.essentialUnmet(List.of("EIDAS3")));
        assertFalse(LevelRequestParser.essentialUnmet(List.of()));
        assertFalse(LevelRequestParser.essentialUnmet(null));
    }

    @Test
    void acrValuesBeatVoluntaryClaimsAcr() {
        assertEquals(new RequestedLevel(LOW, false, Source.ACR_VALUES),
                LevelRequestParser.resolve("eidas1", List.of(), List.of("eidas3"), Optional.empty(), LOW));
    }

    @Test
    void voluntaryClaimsAcrBeatsTheClientDefault() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.CLAIMS),
                LevelRequestParser.resolve(null, List.of(), List.of("eidas3", "eidas2"), Optional.of(LOW), LOW));
    }
}
