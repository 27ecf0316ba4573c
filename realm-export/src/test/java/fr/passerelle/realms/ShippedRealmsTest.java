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

/** The shipped demo realm set (broker realm with the demo overlay, demo IdP realms): what start.sh and the tests import. */
class ShippedRealmsTest {

    /** Every secret a realm file may hold: the documented demo ones (listed in the README). */
    private static final Set<String> DEMO_SECRETS = Set.of(
            "demo", "demo-sp-secret", "demo-sp-annex-secret", "demo-sp-other-secret", "demo-dp-secret-keying-hs256-answers", "demo-dp-2-secret-keying-hs256-answers", "demo-fc-sp-secret",
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
    void theDemoBrokerRealmIsTheProductionOneWithTheDemoClientsIdpsAndDataScopesAdded() throws IOException {
        JsonNode demo = realms().stream().filter(r -> r.get("realm").asText().equals("passerelle")).findFirst().orElseThrow();
        JsonNode production = json.readTree(Path.of("target/classes/production/passerelle-realm.json").toFile());
        assertEquals(production.get("authenticationFlows"), demo.get("authenticationFlows"));
        assertEquals(production.get("attributes"), demo.get("attributes"));
        assertEquals(8, demo.get("clients").size());
        assertEquals(4, demo.get("identityProviders").size());
        assertEquals(production.get("clientScopes").size() + 3, demo.get("clientScopes").size());
    }

    @Test
    void theBrokerMapsEveryEidasLevel() throws IOException {
        JsonNode broker = realms().stream().filter(r -> r.get("realm").asText().equals("passerelle")).findFirst().orElseThrow();
        JsonNode map = json.readTree(broker.get("attributes").get("acr.loa.map").asText());
        assertEquals(Map.of("eidas1", 1, "eidas2", 2, "eidas3", 3), json.convertValue(map, Map.class));
    }

    @Test
    void everyShippedClientRegistersExactRedirectUris() throws IOException {
        for (JsonNode realm : realms()) {
            for (JsonNode client : realm.path("clients")) {
                List<String> uris = new ArrayList<>();
                client.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
                String postLogout = client.path("attributes").path("post.logout.redirect.uris").asText("");
                uris.addAll(List.of(postLogout.split("##")));
                for (String uri : uris) {
                    assertTrue(!uri.contains("*") && !uri.equals("+"),
                            realm.get("realm").asText() + "/" + client.get("clientId").asText() + " registers a pattern: " + uri);
                }
            }
        }
    }

    @Test
    void theBrokerDeclaresItsRequestRulesAsClientPolicies() throws IOException {
        JsonNode broker = realms().stream().filter(r -> r.get("realm").asText().equals("passerelle")).findFirst().orElseThrow();
        List<String> executors = new ArrayList<>();
        broker.path("clientProfiles").path("profiles").forEach(p -> p.path("executors").forEach(e -> executors.add(e.path("executor").asText())));
        assertTrue(executors.containsAll(List.of("passerelle-state-nonce-enforcer", "passerelle-essential-acr", "pkce-enforcer",
                "secure-redirect-uris-enforcer", "passerelle-idp-access-on-refresh", "passerelle-dp-secret-length",
                "passerelle-logout-without-session-id")), executors.toString());
        List<String> policies = new ArrayList<>();
        broker.path("clientPolicies").path("policies").forEach(p -> {
            if (p.path("enabled").asBoolean()) {
                policies.add(p.path("name").asText());
            }
        });
        assertEquals(List.of("passerelle-request-rules", "passerelle-refresh-rules", "passerelle-pkce-public-clients", "passerelle-pkce-service-clients",
                "passerelle-exact-redirect-uris", "passerelle-dp-secrets", "passerelle-franceconnect", "passerelle-franceconnect-registration",
                "passerelle-logout-channels"), policies);
    }

    /** A shipped data provider's secret keys the HS256 signature of its checktoken answers: at least 256 bits. */
    @Test
    void everyShippedDataProviderSecretHasAtLeast256Bits() throws IOException {
        List<String> dataProviders = new ArrayList<>();
        for (JsonNode realm : realms()) {
            realm.path("clients").forEach(client -> {
                if (client.path("attributes").path("passerelle.data-provider").asText().equals("true")) {
                    String secret = client.path("secret").asText("");
                    dataProviders.add(client.path("clientId").asText());
                    assertTrue(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 32,
                            client.path("clientId").asText() + " has a secret shorter than 256 bits");
                }
            });
        }
        assertTrue(dataProviders.containsAll(List.of("demo-dp", "demo-dp-2")), dataProviders.toString());
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
        try (Stream<Path> files = Files.list(Path.of("target/classes/demo"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                realms.add(json.readTree(file.toFile()));
            }
        }
        return realms;
    }
}
