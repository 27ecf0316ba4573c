package fr.passerelle.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped realm files: what an operator imports and diffs. */
class ShippedRealmsTest {

    /** Every secret a realm file may hold: the documented demo ones (listed in the README). */
    private static final Set<String> DEMO_SECRETS = Set.of(
            "demo", "demo-sp-secret", "demo-sp-annex-secret", "demo-sp-other-secret", "demo-dp-secret", "demo-dp-2-secret",
            "impots-broker-secret", "identite-numerique-broker-secret");
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "clientSecret", "value", "password");
    private static final Set<String> KEY_MATERIAL_FIELDS = Set.of("privateKey", "certificate", "hmacGeneratedSecret", "secretData");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theBrokerAndTheThreeDemoIdpRealmsShip() throws IOException {
        assertEquals(Set.of("passerelle", "idp-impots", "idp-identite-numerique", "idp-eidas"),
                Set.copyOf(realms().stream().map(r -> r.get("realm").asText()).toList()));
    }

    @Test
    void noSecretOtherThanTheDocumentedDemoOnesAndNoKeyMaterial() throws IOException {
        for (JsonNode realm : realms()) {
            List<String> found = new ArrayList<>();
            collect(realm, found);
            for (String finding : found) {
                assertTrue(finding.startsWith("secret:") && DEMO_SECRETS.contains(finding.substring("secret:".length())),
                        realm.get("realm").asText() + " holds " + finding);
            }
        }
    }

    @Test
    void theBrokerMapsEveryEidasLevel() throws IOException {
        JsonNode broker = realms().stream().filter(r -> r.get("realm").asText().equals("passerelle")).findFirst().orElseThrow();
        JsonNode map = json.readTree(broker.get("attributes").get("acr.loa.map").asText());
        assertEquals(Map.of("eidas1", 1, "eidas2", 2, "eidas3", 3), json.convertValue(map, Map.class));
    }

    private void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (KEY_MATERIAL_FIELDS.contains(field.getKey())) {
                    found.add("key material: " + field.getKey());
                } else if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isTextual() && isCredential(node, field.getKey())) {
                    found.add("secret:" + field.getValue().asText());
                } else {
                    collect(field.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }

    /** "value" is a secret only in a password credential; "secret" and "clientSecret" always are. */
    private static boolean isCredential(JsonNode owner, String field) {
        return !field.equals("value") || "password".equals(owner.path("type").asText());
    }

    private List<JsonNode> realms() throws IOException {
        List<JsonNode> realms = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("realms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                realms.add(json.readTree(file.toFile()));
            }
        }
        return realms;
    }
}
