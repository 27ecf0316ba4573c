package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionedSecretTest {

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VersionedSecret("v1", Arrays.copyOf(TestSecrets.V1.bytes(), 31)));
        assertThrows(IllegalArgumentException.class, () -> new VersionedSecret("v1", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new VersionedSecret("v1", null));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1", "v0", "V1", "v01", "v1 ", "v-1", "version1", "v1000"})
    void aVersionIsVAndANumberFromOne(String version) {
        assertThrows(IllegalArgumentException.class, () -> new VersionedSecret(version, TestSecrets.V1.bytes()));
    }

    @Test
    void versionsAreOrderedByTheirNumber() {
        assertEquals(2, TestSecrets.V2.number());
        assertEquals(12, VersionedSecret.number("v12"));
    }

    @Test
    void theSecretIsNeitherPrintedNorChangedFromOutside() {
        byte[] bytes = TestSecrets.V1.bytes();
        bytes[0] ^= 1;

        assertFalse(TestSecrets.V1.toString().contains(new String(TestSecrets.V1.bytes(), java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(Arrays.equals(bytes, TestSecrets.V1.bytes()));
    }
}
