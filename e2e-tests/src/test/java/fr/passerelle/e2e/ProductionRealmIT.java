package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The production realm set alone, exactly what the image imports (server/target/production/import): it imports,
 * serves its discovery document, holds no client but the dashboard and no IdP, and the first services are
 * registered on it with onboarding/passerelle-register, as a newcomer following docs/operations.md would.
 */
class ProductionRealmIT {

    private static PasserelleServer server;
    private static String lastErrors = "";

    @BeforeAll
    static void startOnTheProductionRealmOnly() {
        Path root = EdgeProxy.projectRoot();
        server = PasserelleServer.startWithRealms(Path.of(System.getProperty("passerelle.server.home")),
                Path.of(System.getProperty("passerelle.work.dir", "target")), "production", root.resolve("server/target/production/import"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRealmImportsWithNoDemoInside() {
        JsonNode realms = server.admin().get("/admin/realms");
        List<String> names = new ArrayList<>();
        realms.forEach(r -> names.add(r.get("realm").asText()));
        assertEquals(Set.of("master", "passerelle"), Set.copyOf(names));
        assertEquals(0, server.admin().get("/admin/realms/passerelle/identity-provider/instances").size());
        assertEquals(0, server.admin().get("/admin/realms/passerelle/users?max=10").size());
        List<String> clients = new ArrayList<>();
        server.admin().get("/admin/realms/passerelle/clients").forEach(c -> clients.add(c.get("clientId").asText()));
        assertTrue(clients.contains("passerelle-dashboard"));
        assertTrue(clients.stream().noneMatch(c -> c.startsWith("demo")), clients.toString());
        JsonNode realm = server.admin().get("/admin/realms/passerelle");
        assertEquals("Passerelle", realm.get("displayName").asText());
        assertEquals("{\"eidas1\": 1, \"eidas2\": 2, \"eidas3\": 3}", realm.get("attributes").get("acr.loa.map").asText());
    }

    @Test
    void aDataProviderAndAServiceProviderAreRegisteredAndAnUnknownIdpIsRefused() throws Exception {
        Path dp = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "dp-", ".json");
        Files.writeString(dp, Json.write(Map.of("kind", "data-provider", "clientId", "first-dp", "name", "Premier fournisseur",
                "sector", "first-dp", "dataScopes", List.of(Map.of("name", "first_data", "consentText", "vos premières données")))));
        assertEquals(0, register(dp), "the DP is registered");

        Path sp = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "sp-", ".json");
        Files.writeString(sp, Json.write(Map.of("kind", "service-provider", "clientId", "first-sp", "name", "Premier service",
                "sector", "first-sp", "redirectUris", List.of("https://first.example.fr/callback"), "scopes", List.of("identite_pivot", "first_data"))));
        assertEquals(0, register(sp), "the SP is registered");

        Path unknownIdp = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "sp-", ".json");
        Files.writeString(unknownIdp, Json.write(Map.of("kind", "service-provider", "clientId", "second-sp", "name", "Second service",
                "sector", "second-sp", "redirectUris", List.of("https://second.example.fr/callback"), "allowedIdps", List.of("impots"))));
        assertEquals(2, register(unknownIdp), "the production realm has no demo IdP");
        assertTrue(lastErrors.contains("idp-unknown"), lastErrors);
    }

    private static int register(Path description) throws IOException, InterruptedException {
        Path err = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "register-", ".err");
        ProcessBuilder builder = new ProcessBuilder("bash", EdgeProxy.projectRoot().resolve("onboarding/passerelle-register").toString(),
                description.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().put("PASSERELLE_ADMIN_URL", server.baseUrl());
        builder.environment().put("PASSERELLE_ADMIN_USER", PasserelleServer.ADMIN_USER);
        builder.environment().put("PASSERELLE_ADMIN_PASSWORD", PasserelleServer.ADMIN_PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("passerelle-register did not finish in 60 s");
        }
        lastErrors = Files.readString(err, StandardCharsets.UTF_8);
        return process.exitValue();
    }
}
