package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Registering services: onboarding/passerelle-register (bash, curl, jq) against the admin REST API of the test
 * server, then the registered SP and DP used for real; the refusals store nothing; the admin console's
 * "passerelle-service" tab, saved the way the console saves it, checks and writes a client's settings.
 */
@ExtendWith(PasserelleServerExtension.class)
class OnboardingIT {

    private static final String TAB_PROVIDER = "org.keycloak.services.ui.extend.UiTabProvider";

    @Test
    void aServiceProviderRegisteredFromItsDescriptionSignsMarieInThroughTheIdpsItAllows(PasserelleServer server) throws Exception {
        Result result = register(server, Map.of("kind", "service-provider", "clientId", "onboarded-sp", "name", "Service inscrit",
                "sector", "onboarded", "redirectUris", List.of(ServiceProvider.REDIRECT_URI), "allowedIdps", List.of("impots", "identite-numerique"),
                "defaultLevel", "eidas1", "consent", "data-scopes", "scopes", List.of("profile", "birth")));
        assertEquals(0, result.exit(), result.stderr());
        JsonNode answer = Json.parse(result.stdout());
        assertEquals("onboarded-sp", answer.get("clientId").asText());
        String secret = answer.get("secret").asText();
        assertTrue(secret.length() >= 32, "a generated secret");

        String id = answer.get("id").asText();
        assertEquals(List.of("acr", "basic"), scopeNames(server, id, "default-client-scopes"));
        assertEquals(List.of("birth", "profile"), scopeNames(server, id, "optional-client-scopes"), "exactly the listed scopes");
        assertEquals(List.of(ServiceProvider.REDIRECT_URI), Json.MAPPER.convertValue(
                server.admin().get("/admin/realms/passerelle/clients/" + id).get("redirectUris"), List.class));

        ServiceProvider sp = new ServiceProvider(server, "passerelle", "onboarded-sp", secret);
        ServiceProvider.Authorization authorization = sp.authorize("openid profile");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());
        assertEquals("EXCLUDED_FOR_SP", choice.document().selectFirst("#passerelle-idp-eidas").attr("data-idp-state"));
        Page callback = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, "impots"), "marie.dupont", DemoPeople.PASSWORD);
        Tokens tokens = authorization.redeem(callback);
        assertEquals("onboarded-sp", tokens.idToken().get("azp"));
        assertEquals("ES256", tokens.idTokenAlgorithm());
        assertTrue(tokens.idToken().get("sub").toString().matches("[0-9a-f]{64}v1"), "the pairwise sub of its sector");

        Result shown = run(server, List.of("--show", "onboarded-sp"));
        assertEquals(0, shown.exit(), shown.stderr());
        assertEquals("onboarded", Json.parse(shown.stdout()).get("sector").asText());
    }

    @Test
    void aDataProviderRegisteredFromItsDescriptionServesItsNewScopeAfterConsent(PasserelleServer server) throws Exception {
        Result dp = register(server, Map.of("kind", "data-provider", "clientId", "onboarded-dp", "name", "Fournisseur inscrit",
                "sector", "onboarded-dp", "dataScopes", List.of(Map.of("name", "onboarded_data", "description", "Test data",
                        "consentText", "vos données d'essai inscrites"))));
        assertEquals(0, dp.exit(), dp.stderr());
        String dpSecret = Json.parse(dp.stdout()).get("secret").asText();
        Result sp = register(server, Map.of("kind", "service-provider", "clientId", "onboarded-sp-data", "name", "Service avec données",
                "sector", "onboarded", "redirectUris", List.of(ServiceProvider.REDIRECT_URI), "scopes", List.of("profile", "birth", "onboarded_data")));
        assertEquals(0, sp.exit(), sp.stderr());

        ServiceProvider.Authorization authorization = new ServiceProvider(server, "passerelle", "onboarded-sp-data",
                Json.parse(sp.stdout()).get("secret").asText()).authorize("openid profile birth onboarded_data");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        Element data = consent.document().selectFirst("#passerelle-consent section[data-source=data-provider]");
        assertTrue(data != null && data.text().contains("vos données d'essai inscrites"), consent.text());
        assertTrue(data.text().contains("Fournisseur inscrit"), "the DP is named: " + data.text());
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));

        JsonNode answer = new DataProvider(server, "onboarded-dp", dpSecret).checkTokenJson(tokens.accessToken());
        assertTrue(answer.get("active").asBoolean(), answer.toString());
        assertEquals(List.of("onboarded_data"), Json.MAPPER.convertValue(answer.get("scope"), List.class));
    }

    @Test
    void aWildcardRedirectAnUnknownIdpAMissingSectorOrAMisspeltFieldIsRefusedAndNothingIsStored(PasserelleServer server) throws Exception {
        Map<String, Object> good = new LinkedHashMap<>(Map.of("kind", "service-provider", "clientId", "refused-sp", "name", "Refusé",
                "sector", "refused", "redirectUris", List.of(ServiceProvider.REDIRECT_URI)));
        assertRefused(server, with(good, "redirectUris", List.of(PasserelleServerExtension.SP_URL + "/*")), "redirect-wildcard");
        assertRefused(server, with(good, "allowedIdps", List.of("france-connect")), "idp-unknown");
        assertRefused(server, with(good, "sector", ""), "sector-missing");
        Map<String, Object> noSector = new LinkedHashMap<>(good);
        noSector.remove("sector");
        assertRefused(server, noSector, "sector-missing");
        assertRefused(server, with(good, "alowedIdps", List.of("impots")), "field-unknown");
        assertRefused(server, with(good, "redirectUris", List.of("http://sp.example.fr/cb")), "redirect-not-https");
        assertRefused(server, with(good, "clientId", "demo-sp"), "client-exists");

        Result dryRun = run(server, List.of("--dry-run", descriptionFile(good).toString()));
        assertEquals(0, dryRun.exit(), dryRun.stderr());
        assertTrue(server.admin().get("/admin/realms/passerelle/clients?clientId=refused-sp").isEmpty(), "a dry run stores nothing");
    }

    @Test
    void theConsoleTabIsOfferedOnClientsAndChecksAndWritesTheSettingsItSaves(PasserelleServer server) throws Exception {
        JsonNode tabs = server.admin().get("/admin/serverinfo").get("componentTypes").get(TAB_PROVIDER);
        JsonNode tab = null;
        for (JsonNode candidate : tabs) {
            if (candidate.get("id").asText().equals("passerelle-service")) {
                tab = candidate;
            }
        }
        assertTrue(tab != null, "the tab is declared: " + tabs);
        assertEquals("/:realm/clients/:clientId/:tab", tab.get("metadata").get("path").asText());
        assertTrue(tab.get("helpText").asText().contains("sector"));
        List<String> fields = new ArrayList<>();
        tab.get("properties").forEach(p -> {
            if (!p.get("type").asText().equals("passerelle-from-page")) {
                fields.add(p.get("name").asText());
            }
        });
        assertEquals(List.of("sector", "allowedIdps", "deniedIdps", "defaultLevel", "minimumLevel", "consent", "dataScopes"), fields);

        Result registered = register(server, Map.of("kind", "service-provider", "clientId", "onboarded-sp-tab", "name", "Service réglé",
                "sector", "tab-sector", "redirectUris", List.of(ServiceProvider.REDIRECT_URI)));
        assertEquals(0, registered.exit(), registered.stderr());
        JsonNode client = server.admin().clientByClientId("passerelle", "onboarded-sp-tab");
        String realmId = server.admin().get("/admin/realms/passerelle").get("id").asText();

        HttpResponse<String> refused = saveTab(server, realmId, client.get("id").asText(),
                Map.of("sector", List.of("tab-sector"), "allowedIdps", List.of("nowhere")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("no identity provider nowhere"), refused.body());
        HttpResponse<String> noSector = saveTab(server, realmId, client.get("id").asText(), Map.of("sector", List.of("")));
        assertEquals(400, noSector.statusCode(), noSector.body());
        assertEquals("", server.admin().clientByClientId("passerelle", "onboarded-sp-tab").get("attributes").path("passerelle.minimum-level").asText());

        HttpResponse<String> saved = saveTab(server, realmId, client.get("id").asText(), Map.of("sector", List.of("tab-sector-2"),
                "defaultLevel", List.of("eidas2"), "minimumLevel", List.of("eidas2"), "consent", List.of("remember"), "deniedIdps", List.of("eidas")));
        assertEquals(201, saved.statusCode(), saved.body());
        JsonNode attributes = server.admin().clientByClientId("passerelle", "onboarded-sp-tab").get("attributes");
        assertEquals("tab-sector-2", attributes.get("passerelle.sector").asText());
        assertEquals("eidas2", attributes.get("passerelle.minimum-level").asText());
        assertEquals("remember", attributes.get("passerelle.consent").asText());
        assertEquals("eidas", attributes.get("passerelle.idp-deny").asText());

        Page choice = LoginFlow.newBrowser().open(new ServiceProvider(server, "passerelle", "onboarded-sp-tab", "unused")
                .authorize("openid").with("acr_values", "eidas1").url());
        assertEquals("LEVEL_UNREACHABLE", choice.document().selectFirst("#passerelle-idp-impots").attr("data-idp-state"),
                "eidas1 asked, the minimum eidas2 applies: impots (eidas1 only) cannot be picked");
        assertEquals("EXCLUDED_FOR_SP", choice.document().selectFirst("#passerelle-idp-eidas").attr("data-idp-state"));
        assertFalse(choice.has("a[data-idp=impots]"));

        // The console keeps one form per realm: opened on another client, it shows the values saved above. Saving it
        // with only the sector changed must not copy the first client's other values onto the second.
        Result second = register(server, Map.of("kind", "service-provider", "clientId", "onboarded-sp-tab-2", "name", "Second service réglé",
                "sector", "tab-sector-3", "redirectUris", List.of(ServiceProvider.REDIRECT_URI), "defaultLevel", "eidas1"));
        assertEquals(0, second.exit(), second.stderr());
        JsonNode stored = null;
        for (JsonNode component : server.admin().get("/admin/realms/passerelle/components?type=" + TAB_PROVIDER)) {
            if (component.get("providerId").asText().equals("passerelle-service")) {
                stored = component;
            }
        }
        assertTrue(stored != null, "the form's component");
        com.fasterxml.jackson.databind.node.ObjectNode reopened = stored.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) reopened.get("config");
        config.putArray("sector").add("tab-sector-4");
        config.putArray("clientId").add(server.admin().clientByClientId("passerelle", "onboarded-sp-tab-2").get("id").asText());
        server.admin().put("/admin/realms/passerelle/components/" + stored.get("id").asText(), reopened);
        JsonNode secondAttributes = server.admin().clientByClientId("passerelle", "onboarded-sp-tab-2").get("attributes");
        assertEquals("tab-sector-4", secondAttributes.get("passerelle.sector").asText(), "the field changed is written");
        assertEquals("eidas1", secondAttributes.get("passerelle.default-level").asText(), "not the first client's eidas2");
        assertEquals("", secondAttributes.path("passerelle.minimum-level").asText(), "not the first client's minimum");
        assertEquals("", secondAttributes.path("passerelle.idp-deny").asText(), "not the first client's denied IdP");
        assertEquals("eidas2", server.admin().clientByClientId("passerelle", "onboarded-sp-tab").get("attributes")
                .get("passerelle.minimum-level").asText(), "the first client is untouched");
    }

    private static List<String> scopeNames(PasserelleServer server, String clientUuid, String kind) {
        List<String> names = new ArrayList<>();
        server.admin().get("/admin/realms/passerelle/clients/" + clientUuid + "/" + kind).forEach(s -> names.add(s.get("name").asText()));
        return names.stream().sorted().toList();
    }

    /** What the console's tab does on Save: a realm component of the tab's type, the client's id among its values. */
    private static HttpResponse<String> saveTab(PasserelleServer server, String realmId, String clientUuid, Map<String, List<String>> values)
            throws IOException, InterruptedException {
        Map<String, Object> config = new LinkedHashMap<>(values);
        config.put("clientId", List.of(clientUuid));
        config.put("tab", List.of("passerelle"));
        Map<String, Object> component = Map.of("name", "passerelle-service", "providerId", "passerelle-service", "providerType", TAB_PROVIDER,
                "parentId", realmId, "config", config);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/passerelle/components"))
                .header("Authorization", "Bearer " + server.admin().accessToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(component))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(PasserelleServer server, Map<String, Object> description, String code) throws Exception {
        Result result = register(server, description);
        assertEquals(2, result.exit(), code + ": " + result.stdout() + result.stderr());
        assertTrue(result.stderr().contains(code), result.stderr());
        assertTrue(server.admin().get("/admin/realms/passerelle/clients?clientId=" + description.get("clientId")).isEmpty()
                || "demo-sp".equals(description.get("clientId")), "nothing stored for " + code);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    private static Result register(PasserelleServer server, Map<String, Object> description) throws Exception {
        return run(server, List.of(descriptionFile(description).toString()));
    }

    private static Path descriptionFile(Map<String, Object> description) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("passerelle.work.dir", "target"), "onboarding"));
        Path file = Files.createTempFile(dir, "service-", ".json");
        Files.writeString(file, Json.write(description));
        return file;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(PasserelleServer server, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", EdgeProxy.projectRoot().resolve("onboarding/passerelle-register").toString()));
        command.addAll(arguments);
        Path out = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "register-", ".out");
        Path err = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "register-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PASSERELLE_ADMIN_URL", server.baseUrl());
        builder.environment().put("PASSERELLE_ADMIN_USER", PasserelleServer.ADMIN_USER);
        builder.environment().put("PASSERELLE_ADMIN_PASSWORD", PasserelleServer.ADMIN_PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("passerelle-register did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
