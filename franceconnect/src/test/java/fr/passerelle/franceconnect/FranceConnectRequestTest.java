package fr.passerelle.franceconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.passerelle.loa.EidasLevel;

class FranceConnectRequestTest {

    private static final String NONCE = "a".repeat(64);

    @Test
    void missingAcrValuesIsAnInvalidRequest() {
        assertEquals("invalid_request", FranceConnectRequest.check(null, NONCE, true).orElseThrow().error());
        assertEquals("invalid_request", FranceConnectRequest.check("  ", NONCE, true).orElseThrow().error());
    }

    @Test
    void anyUnknownAcrValueIsInvalidAcr() {
        assertEquals("invalid_acr", FranceConnectRequest.check("eidas4", NONCE, true).orElseThrow().error());
        assertEquals("invalid_acr", FranceConnectRequest.check("eidas1 substantial", NONCE, true).orElseThrow().error());
        assertEquals("invalid_acr", FranceConnectRequest.check("EIDAS1", NONCE, true).orElseThrow().error(),
                "FranceConnect compares acr values exactly");
    }

    @Test
    void eidas1NeedsNoEncryption() {
        assertTrue(FranceConnectRequest.check("eidas1", NONCE, false).isEmpty());
    }

    @Test
    void eidas2AndAboveNeedEncryptionAndTheOperatorIsTold() {
        AuthorizationRefusal refusal = FranceConnectRequest.check("eidas2", NONCE, false).orElseThrow();
        assertEquals("unauthorized_client", refusal.error());
        assertTrue(refusal.operatorProblem());
        assertTrue(FranceConnectRequest.check("eidas3", NONCE, false).isPresent());
        assertTrue(FranceConnectRequest.check("eidas2", NONCE, true).isEmpty());
    }

    @Test
    void theLowestLevelAskedDecidesAboutEncryption() {
        assertTrue(FranceConnectRequest.check("eidas3 eidas1", NONCE, false).isEmpty());
        assertEquals(Optional.of(EidasLevel.LOW), FranceConnectRequest.requestedLevel("eidas3 eidas1"));
    }

    @Test
    void aShortNonceIsRefusedAndAnAbsentOneLeftToTheCommonRule() {
        assertEquals("invalid_request", FranceConnectRequest.check("eidas1", "short", true).orElseThrow().error());
        assertTrue(FranceConnectRequest.check("eidas1", "x".repeat(22), true).isEmpty());
        assertFalse(FranceConnectRequest.check("eidas1", null, true).isPresent());
    }

    @Test
    void anUnknownValueIsNotEchoedRaw() {
        String description = FranceConnectRequest.check("<script>", NONCE, true).orElseThrow().description();
        assertFalse(description.contains("<"), description);
    }
}
