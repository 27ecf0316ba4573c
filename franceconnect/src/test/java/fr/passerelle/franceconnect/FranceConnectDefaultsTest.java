package fr.passerelle.franceconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FranceConnectDefaultsTest {

    private static final Map<String, String> FC = Map.of("passerelle.profile", "franceconnect");

    @Test
    void aNewFranceConnectClientGetsFranceConnectsTokenSettings() {
        Map<String, String> added = FranceConnectDefaults.missing(FC, Map.of());
        assertEquals("60", added.get("access.token.lifespan"));
        assertEquals("false", added.get("use.refresh.tokens"));
        assertEquals("ES256", added.get("user.info.response.signature.alg"));
        assertFalse(added.containsKey("id.token.encrypted.response.alg"), "no key, no encryption");
    }

    @Test
    void aJwksUrlBringsFranceConnectPlusEncryption() {
        Map<String, String> added = FranceConnectDefaults.missing(Map.of("passerelle.profile", "franceconnect", "jwks.url", "https://sp/jwks"), Map.of());
        assertEquals("true", added.get("use.jwks.url"));
        assertEquals("RSA-OAEP", added.get("id.token.encrypted.response.alg"));
        assertEquals("A256GCM", added.get("user.info.encrypted.response.enc"));
    }

    @Test
    void whatTheOperatorSetIsKeptAlsoAcrossPartialUpdates() {
        Map<String, String> chosen = FranceConnectDefaults.missing(Map.of("passerelle.profile", "franceconnect",
                "user.info.response.signature.alg", "RS256"), Map.of());
        assertFalse(chosen.containsKey("user.info.response.signature.alg"));

        Map<String, String> stored = Map.of("passerelle.profile", "franceconnect", "access.token.lifespan", "30");
        Map<String, String> partial = FranceConnectDefaults.missing(Map.of("jwks.url", "https://sp/jwks"), stored);
        assertFalse(partial.containsKey("access.token.lifespan"), "a stored value is not overwritten by an update that omits it");
        assertTrue(partial.containsKey("id.token.encrypted.response.alg"));
    }

    @Test
    void otherClientsAreLeftAlone() {
        assertTrue(FranceConnectDefaults.missing(Map.of("jwks.url", "https://sp/jwks"), Map.of()).isEmpty());
        assertTrue(FranceConnectDefaults.missing(Map.of("passerelle.profile", "standard"), Map.of()).isEmpty());
        assertTrue(FranceConnectDefaults.missing(Map.of("passerelle.profile", ""), Map.of("passerelle.profile", "franceconnect")).isEmpty(),
                "an update that clears the profile leaves the standard contract");
        assertTrue(FranceConnectDefaults.missing(Map.of("passerelle.profile", "franceconnect", "passerelle.data-provider", "true"), Map.of()).isEmpty(),
                "a data provider's profile only shapes checktoken");
    }
}
