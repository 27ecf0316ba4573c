package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerSignatureTest {

    private static final String LONG = "0123456789abcdef0123456789abcdef";

    @Test
    void aSecretAuthenticatedDataProviderWithALongSecretGetsHs256() {
        assertEquals(AnswerSignature.HS256, AnswerSignature.forDataProvider("client-secret", LONG));
        assertEquals(AnswerSignature.HS256, AnswerSignature.forDataProvider("client-secret-jwt", LONG));
    }

    @Test
    void aKeyAuthenticatedDataProviderKeepsTheRealmKeyWhateverItsSecret() {
        assertEquals(AnswerSignature.REALM_KEY, AnswerSignature.forDataProvider("client-jwt", LONG));
        assertEquals(AnswerSignature.REALM_KEY, AnswerSignature.forDataProvider("client-x509", LONG));
        assertEquals(AnswerSignature.REALM_KEY, AnswerSignature.forDataProvider(null, LONG));
    }

    @Test
    void aShortSecretNeverKeysAnAnswer() {
        assertEquals(AnswerSignature.REALM_KEY, AnswerSignature.forDataProvider("client-secret", LONG.substring(1)));
        assertEquals(AnswerSignature.REALM_KEY, AnswerSignature.forDataProvider("client-secret", null));
    }

    @Test
    void twoHundredFiftySixBitsAreCountedInBytes() {
        assertTrue(AnswerSignature.longEnough(LONG));
        assertFalse(AnswerSignature.longEnough(LONG.substring(1)));
        // 16 two-byte characters are 256 bits.
        assertTrue(AnswerSignature.longEnough("é".repeat(16)));
        assertFalse(AnswerSignature.longEnough(""));
    }
}
