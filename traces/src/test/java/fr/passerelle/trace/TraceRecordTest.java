package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;

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

    /** The shapes are checked without regular expressions; they accept exactly what these expressions accept. */
    @Test
    void shapesAcceptWhatTheirRegularExpressionsAccept() {
        Pattern identityKey = Pattern.compile("[0-9a-f]{64}");
        Pattern identifier = Pattern.compile("[A-Za-z0-9._:@/-]{1,255}");
        Pattern code = Pattern.compile("[A-Za-z0-9._-]{1,64}");
        Pattern scopes = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
        String alphabet = "abcfAZ09._-:@/ \t\"\\~!#[]{}\u00e9\n";
        Random random = new Random(20261201);
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(8) == 0 ? 60 + random.nextInt(200) : random.nextInt(12);
            StringBuilder value = new StringBuilder();
            boolean hex = random.nextBoolean();
            for (int j = 0; j < length; j++) {
                value.append(hex ? "0123456789abcdef".charAt(random.nextInt(16)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = value.toString();
            assertEquals(identityKey.matcher(s).matches(), TraceRecord.isIdentityKey(s), s);
            assertEquals(identifier.matcher(s).matches(), TraceRecord.isIdentifier(s), s);
            assertEquals(code.matcher(s).matches(), TraceRecord.isCode(s), s);
            assertEquals(scopes.matcher(s).matches(), TraceRecord.isScopeList(s), s);
            String folded = s.trim().replaceAll("\\s+", " ");
            String expected = !folded.isEmpty() && folded.length() <= TraceRecord.SCOPES_MAX && scopes.matcher(folded).matches() ? folded : null;
            assertEquals(expected, LOGIN.withScopes(s).scopes(), s);
        }
        assertEquals(true, TraceRecord.isIdentityKey("0123456789abcdef".repeat(4)));
        assertEquals(true, TraceRecord.isIdentifier("a".repeat(255)));
        assertEquals(false, TraceRecord.isIdentifier("a".repeat(256)));
    }
}
