package fr.passerelle.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RealmOverlayTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void objectsMergeArraysAppendScalarsAreReplaced() throws IOException {
        JsonNode base = json.readTree("{\"realm\":\"r\",\"displayName\":\"R\",\"attributes\":{\"a\":\"1\"},\"clients\":[{\"clientId\":\"own\"}]}");
        JsonNode overlay = json.readTree("{\"displayName\":\"R (demo)\",\"attributes\":{\"b\":\"2\"},\"clients\":[{\"clientId\":\"demo\"}]}");
        JsonNode merged = RealmOverlay.merge(base, overlay);
        assertEquals(json.readTree("{\"realm\":\"r\",\"displayName\":\"R (demo)\",\"attributes\":{\"a\":\"1\",\"b\":\"2\"},"
                + "\"clients\":[{\"clientId\":\"own\"},{\"clientId\":\"demo\"}]}"), merged);
        assertEquals(1, base.get("clients").size(), "the base is not changed");
    }

    @Test
    void productionGetsTheBaseAloneAndDemoGetsBasePlusOverlayPlusWholeRealms(@TempDir Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(base.resolve("broker-realm.json"), "{\"realm\":\"broker\",\"clients\":[]}");
        Files.writeString(overlay.resolve("broker-realm.overlay.json"), "{\"clients\":[{\"clientId\":\"demo\"}]}");
        Files.writeString(overlay.resolve("idp-realm.json"), "{\"realm\":\"idp\"}");
        RealmOverlay.build(base, overlay, dir.resolve("production"), dir.resolve("demo"));

        assertEquals(0, json.readTree(dir.resolve("production/broker-realm.json").toFile()).get("clients").size());
        assertFalse(Files.exists(dir.resolve("production/idp-realm.json")));
        assertFalse(Files.exists(dir.resolve("production/broker-realm.overlay.json")));
        assertEquals("demo", json.readTree(dir.resolve("demo/broker-realm.json").toFile()).get("clients").get(0).get("clientId").asText());
        assertEquals("idp", json.readTree(dir.resolve("demo/idp-realm.json").toFile()).get("realm").asText());
        assertFalse(Files.exists(dir.resolve("demo/broker-realm.overlay.json")));
    }

    @Test
    void anOverlayWithoutItsBaseOrAWholeFileShadowingTheBaseIsRefused(@TempDir Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(base.resolve("broker-realm.json"), "{\"realm\":\"broker\"}");
        Files.writeString(overlay.resolve("broker-realm.json"), "{\"realm\":\"broker\"}");
        assertThrows(IllegalStateException.class, () -> RealmOverlay.build(base, overlay, dir.resolve("p"), dir.resolve("d")));

        Files.delete(overlay.resolve("broker-realm.json"));
        Files.writeString(overlay.resolve("other-realm.overlay.json"), "{}");
        assertThrows(IllegalStateException.class, () -> RealmOverlay.build(base, overlay, dir.resolve("p2"), dir.resolve("d2")));
    }
}
