package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityKeyringTest {

    private static final PivotIdentity MARIE = DemoPeople.french(DemoPeople.marieAtImpots());

    @Test
    void beforeAnyRotationTheFormerKeyIsTheUnkeyedDigestAccountsWereGivenFirst() {
        IdentityKeyring ring = new IdentityKeyring(TestSecrets.V1, List.of());

        assertEquals(IdentityKey.of(TestSecrets.V1, MARIE), ring.key(MARIE));
        assertEquals(List.of(new IdentityKey(SubjectKey.of(MARIE).hex())), ring.formerKeys(MARIE));
        assertEquals("v1", ring.version());
    }

    @Test
    void afterRotationsFormerKeysComeNewestFirstThenTheUnkeyedOne() {
        IdentityKeyring ring = new IdentityKeyring(TestSecrets.V3, List.of(TestSecrets.V1, TestSecrets.V2));

        assertEquals(IdentityKey.of(TestSecrets.V3, MARIE), ring.key(MARIE));
        assertEquals(List.of(IdentityKey.of(TestSecrets.V2, MARIE), IdentityKey.of(TestSecrets.V1, MARIE),
                new IdentityKey(SubjectKey.of(MARIE).hex())), ring.formerKeys(MARIE));
        assertFalse(ring.formerKeys(MARIE).contains(ring.key(MARIE)));
    }

    @Test
    void theCurrentVersionIsNoOtherVersion() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityKeyring(TestSecrets.V2, List.of(TestSecrets.V2)));
    }

    /** A node not yet switched to v2 but holding its secret finds the people a switched node already moved. */
    @Test
    void aLaterVersionHeldAheadOfTheSwitchCountsAmongTheFormerKeys() {
        IdentityKeyring notYetSwitched = new IdentityKeyring(TestSecrets.V1, List.of(TestSecrets.V2));
        IdentityKeyring switched = new IdentityKeyring(TestSecrets.V2, List.of(TestSecrets.V1));

        assertTrue(notYetSwitched.formerKeys(MARIE).contains(switched.key(MARIE)));
        assertTrue(switched.formerKeys(MARIE).contains(notYetSwitched.key(MARIE)));
    }
}
