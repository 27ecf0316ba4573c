package fr.passerelle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class IdpBlockingTest {

    private static final Set<String> IDPS = Set.of("impots", "identite-numerique", "eidas");

    @Test
    void anotherIdpOfTheRealmCanBeBlocked() {
        assertEquals(IdpBlocking.Decision.ALLOWED, IdpBlocking.decide("impots", "identite-numerique", IDPS));
    }

    @Test
    void theIdpOfTheCurrentSessionCannotBeBlocked() {
        assertEquals(IdpBlocking.Decision.CURRENT_SESSION_IDP, IdpBlocking.decide("impots", "impots", IDPS));
    }

    @Test
    void anUnknownIdpCannotBeBlocked() {
        assertEquals(IdpBlocking.Decision.UNKNOWN_IDP, IdpBlocking.decide("google", "impots", IDPS));
        assertEquals(IdpBlocking.Decision.UNKNOWN_IDP, IdpBlocking.decide(null, "impots", IDPS));
    }
}
