package fr.passerelle.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SpIdpRulesTest {

    @Test
    void noListsPermitEveryIdp() {
        SpIdpRules rules = SpIdpRules.parse(null, "  ");

        assertTrue(rules.permits("impots"));
        assertTrue(rules.permits("eidas"));
    }

    @Test
    void allowListPermitsOnlyTheIdpsItNames() {
        SpIdpRules rules = SpIdpRules.parse("impots, identite-numerique", "");

        assertEquals(Set.of("impots", "identite-numerique"), rules.allowed());
        assertTrue(rules.permits("identite-numerique"));
        assertFalse(rules.permits("eidas"));
    }

    @Test
    void denyListExcludesTheIdpsItNames() {
        SpIdpRules rules = SpIdpRules.parse("", "eidas");

        assertTrue(rules.permits("impots"));
        assertFalse(rules.permits("eidas"));
    }

    @Test
    void denyWinsOverAllow() {
        assertFalse(SpIdpRules.parse("impots,eidas", "eidas").permits("eidas"));
    }

    @Test
    void aliasesAreComparedExactly() {
        assertFalse(SpIdpRules.parse("impots", "").permits("Impots"));
    }
}
