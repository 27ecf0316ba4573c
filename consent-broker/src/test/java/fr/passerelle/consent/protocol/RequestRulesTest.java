package fr.passerelle.consent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestRulesTest {

    @Test
    void stateAndNonceTogetherPass() {
        assertEquals(Optional.empty(), RequestRules.problem("s".repeat(32), "n".repeat(32)));
    }

    @Test
    void aMissingOrBlankStateIsNamed() {
        assertEquals(Optional.of("Missing parameter: state"), RequestRules.problem(null, "nonce"));
        assertEquals(Optional.of("Missing parameter: state"), RequestRules.problem("  ", "nonce"));
    }

    @Test
    void aMissingNonceIsNamedEvenWithoutOpenidScope() {
        assertEquals(Optional.of("Missing parameter: nonce"), RequestRules.problem("state", null));
        assertEquals(Optional.of("Missing parameter: nonce"), RequestRules.problem("state", ""));
    }

    @Test
    void anOversizedValueIsRefusedAndTheLimitItselfPasses() {
        assertEquals(Optional.empty(), RequestRules.problem("s".repeat(RequestRules.MAX_LENGTH), "n"));
        assertEquals(Optional.of("Parameter too long: nonce (at most 512 characters)"),
                RequestRules.problem("s", "n".repeat(RequestRules.MAX_LENGTH + 1)));
    }
}
