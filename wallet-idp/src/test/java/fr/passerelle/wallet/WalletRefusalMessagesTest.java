package fr.passerelle.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Each refusal reaches a person as a theme message: the login theme must hold it in French and in English. */
class WalletRefusalMessagesTest {

    private static final String PREFIX = "passerelle.error.";

    private static Properties messages(String language) throws IOException {
        String resource = "theme/passerelle/login/messages/messages_" + language + ".properties";
        try (InputStream in = WalletRefusalMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "the login theme has " + resource);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @ParameterizedTest
    @EnumSource(WalletRefusal.class)
    void everyRefusalHasItsMessageInFrenchAndInEnglish(WalletRefusal refusal) throws IOException {
        String fr = messages("fr").getProperty(PREFIX + refusal.code());
        String en = messages("en").getProperty(PREFIX + refusal.code());
        assertNotNull(fr, "no French message for " + refusal.code());
        assertNotNull(en, "no English message for " + refusal.code());
        assertFalse(fr.isBlank() || en.isBlank(), refusal.code());
        assertNotEquals(fr, en, "the French message of " + refusal.code() + " is not translated");
        assertTrue(fr.contains("{0}") && en.contains("{0}"), "both name the identity provider, as the error page passes it: " + refusal.code());
    }

    @Test
    void refusalCodesAreDistinctAndStable() {
        Set<String> codes = new HashSet<>();
        for (WalletRefusal refusal : WalletRefusal.values()) {
            assertTrue(refusal.code().matches("wallet-[a-z]+(-[a-z]+)*"), refusal.code());
            assertTrue(codes.add(refusal.code()), "twice: " + refusal.code());
        }
        assertEquals(WalletRefusal.values().length, codes.size());
    }
}
