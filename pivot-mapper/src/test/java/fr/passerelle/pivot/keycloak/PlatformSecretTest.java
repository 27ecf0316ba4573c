package fr.passerelle.pivot.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a node refuses to start with: a secret too short to be one, a version that is none. */
class PlatformSecretTest {

    private static final String SECRET_32 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET_31 = Base64.getEncoder().encodeToString(new byte[31]);

    @AfterEach
    void backToUnconfigured() {
        PlatformSecret.SUB.configure(Map.of(), null);
        PlatformSecret.IDENTITY_KEY.configure(Map.of(), null);
    }

    @Test
    void withoutAVersionOptionNewDerivationsUseV1() {
        PlatformSecret.SUB.configure(Map.of("v1", SECRET_32), " ");

        assertEquals("v1", PlatformSecret.SUB.currentVersion());
    }

    @Test
    void theVersionOptionNamesTheCurrentVersion() {
        PlatformSecret.IDENTITY_KEY.configure(Map.of("v1", SECRET_32, "v2", SECRET_32), "v2");

        assertEquals("v2", PlatformSecret.IDENTITY_KEY.currentVersion());
    }

    @Test
    void aSecretShorterThan32BytesStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> PlatformSecret.SUB.configure(Map.of("v2", SECRET_31), "v2"));
    }

    @Test
    void aVersionThatIsNoneStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> PlatformSecret.SUB.configure(Map.of(), "2"));
        assertThrows(IllegalArgumentException.class, () -> PlatformSecret.IDENTITY_KEY.configure(Map.of(), "v0"));
    }
}
