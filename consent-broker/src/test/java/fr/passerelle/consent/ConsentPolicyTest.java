package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    @Test
    void byDefaultConsentIsAskedAtEachLoginThatRequestsData() {
        ConsentPolicy policy = ConsentPolicy.parse(null);
        assertEquals(ConsentPolicy.DATA_SCOPES, policy);
        assertTrue(policy.mustAsk(true, true), "a remembered decision does not count by default");
        assertFalse(policy.mustAsk(false, false));
    }

    @Test
    void rememberSkipsThePageOnlyWhenEveryRequestedScopeWasGranted() {
        ConsentPolicy policy = ConsentPolicy.parse("remember");
        assertFalse(policy.mustAsk(true, true));
        assertTrue(policy.mustAsk(true, false));
        assertFalse(policy.mustAsk(false, false));
    }

    @Test
    void everyLoginAsksEvenForIdentityOnly() {
        assertTrue(ConsentPolicy.parse("every-login").mustAsk(false, true));
    }

    @Test
    void anUnknownPolicyIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> ConsentPolicy.parse("sometimes"));
    }
}
