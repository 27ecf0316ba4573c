package fr.passerelle.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import org.junit.jupiter.api.Test;

class ConnectionCodeTest {

    @Property
    void aRandomCodeReadsBackFromItsDisplayInAnyCase(@ForAll @LongRange long seed) {
        ConnectionCode code = ConnectionCode.random(new Random(seed));
        assertEquals(Optional.of(code), ConnectionCode.parse(code.display()));
        assertEquals(Optional.of(code), ConnectionCode.parse(" " + code.display().toLowerCase() + " "));
        assertTrue(code.display().matches("[A-Z2-9]{4}-[A-Z2-9]{4}"));
    }

    @Property
    void anythingElseIsNoCode(@ForAll String typed) {
        Optional<ConnectionCode> parsed = ConnectionCode.parse(typed);
        parsed.ifPresent(code -> assertEquals(8, code.value().length()));
    }

    @Test
    void lookAlikesAndWrongLengthsAreRefused() {
        assertEquals(Optional.empty(), ConnectionCode.parse("ABCD-EFG0"));
        assertEquals(Optional.empty(), ConnectionCode.parse("ABCD-EFGI"));
        assertEquals(Optional.empty(), ConnectionCode.parse("ABCD-EFG"));
        assertEquals(Optional.empty(), ConnectionCode.parse(null));
    }

    @Test
    void theEmailDigestIgnoresCaseAndSpacesAndNeverMatchesBlank() {
        String digest = EmailDigest.of("Marie.Dupont@Example.org ");
        assertTrue(EmailDigest.matches("marie.dupont@example.org", digest));
        assertTrue(!EmailDigest.matches("marie.dupond@example.org", digest));
        assertTrue(!EmailDigest.matches("", EmailDigest.of("")));
    }
}
