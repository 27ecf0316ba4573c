package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.passerelle.names.TraceEvent;

class TraceRecordTest {

    private static final TraceRecord LOGIN = TraceRecord.of(TraceEvent.REDIRECTED_TO_SP, Instant.EPOCH);

    @Test
    void anIdentityKeyMustBeSixtyFourLowerCaseHexDigits() {
        assertEquals("0123456789abcdef".repeat(4), LOGIN.withIdentityKey("0123456789abcdef".repeat(4)).identityKey());
        assertNull(LOGIN.withIdentityKey("DUPONT Marie").identityKey());
        assertNull(LOGIN.withIdentityKey("ABCDEF".repeat(10) + "ABCD").identityKey());
    }

    @Test
    void identifiersWithSpacesAreDroppedBecauseTheyMayBeNames() {
        assertNull(LOGIN.withSp("Marie Eloise").sp());
        assertEquals("demo-sp", LOGIN.withSp("demo-sp").sp());
    }

    @Test
    void scopesAreFoldedToSingleSpaces() {
        assertEquals("openid profile", LOGIN.withScopes("  openid \t profile ").scopes());
        assertNull(LOGIN.withScopes("x".repeat(TraceRecord.SCOPES_MAX + 1)).scopes());
    }
}
