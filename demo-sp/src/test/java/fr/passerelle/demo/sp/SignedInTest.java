package fr.passerelle.demo.sp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignedInTest {

    @Test
    void aLevelBelowTheRequestIsRefused() {
        assertTrue(SignedIn.levelBelowRequested("eidas1", "eidas2"));
        assertTrue(SignedIn.levelBelowRequested("eidas2", "eidas3"));
    }

    @Test
    void aMissingOrUnknownLevelIsBelowAnyRequest() {
        assertTrue(SignedIn.levelBelowRequested(null, "eidas1"));
        assertTrue(SignedIn.levelBelowRequested("urn:other:high", "eidas1"));
    }

    @Test
    void theLevelAskedOrHigherIsAccepted() {
        assertFalse(SignedIn.levelBelowRequested("eidas2", "eidas2"));
        assertFalse(SignedIn.levelBelowRequested("eidas3", "eidas1"));
    }
}
