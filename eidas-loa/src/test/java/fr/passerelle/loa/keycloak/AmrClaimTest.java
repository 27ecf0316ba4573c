package fr.passerelle.loa.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AmrClaimTest {

    @Test
    void configuredMethodsBecomeAJsonArray() {
        assertEquals(Optional.of("[\"pwd\",\"otp\"]"), AmrClaim.toJsonArray(" pwd, otp "));
        assertEquals(Optional.of("[\"eidas\"]"), AmrClaim.toJsonArray("eidas"));
    }

    @Test
    void namesThatCouldBreakTheJsonAreDroppedAndNothingGivesNoClaim() {
        assertEquals(Optional.of("[\"pwd\"]"), AmrClaim.toJsonArray("pwd,\"x\",pwd"));
        assertEquals(Optional.empty(), AmrClaim.toJsonArray("  "));
        assertEquals(Optional.empty(), AmrClaim.toJsonArray(null));
    }
}
