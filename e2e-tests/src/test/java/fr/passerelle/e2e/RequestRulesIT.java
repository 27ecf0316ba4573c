package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * FranceConnect's request rules, attacked as a careless SP or operator would: no state, no nonce, no PKCE,
 * a wildcard redirect URI, an essential acr nobody knows. Each is refused with the OAuth error the SP sees,
 * through the realm's client policies, and leaves nothing stored.
 */
@ExtendWith(PasserelleServerExtension.class)
class RequestRulesIT {

    @Test
    void aRequestWithoutStateIsRefusedWithInvalidRequest(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile");
        PartnerCalls.Stored before = PartnerCalls.Stored.of(server);
        Page answer = LoginFlow.newBrowser().open(PartnerCalls.without(authorization.url(), "state"));
        assertOAuthError(answer, "invalid_request", "Missing parameter: state");
        assertFalse(answer.params().containsKey("state"));
        PartnerCalls.Stored.of(server).assertNothingAddedSince(before, 0, "refused request");
    }

    @Test
    void aRequestWithoutNonceIsRefusedWithInvalidRequest(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile");
        PartnerCalls.Stored before = PartnerCalls.Stored.of(server);
        Page answer = LoginFlow.newBrowser().open(PartnerCalls.without(authorization.url(), "nonce"));
        assertOAuthError(answer, "invalid_request", "Missing parameter: nonce");
        assertEquals(authorization.state(), answer.params().get("state"));
        PartnerCalls.Stored.of(server).assertNothingAddedSince(before, 0, "refused request");
    }

    @Test
    void publicAndServiceClientsMustUsePkceS256(PasserelleServer server) {
        for (ServiceProvider sp : List.of(ServiceProvider.demoSp(server),
                new ServiceProvider(server, "passerelle", "demo-sp-public", null))) {
            String url = PartnerCalls.without(PartnerCalls.without(sp.authorize("openid").url(), "code_challenge"), "code_challenge_method");
            Page answer = LoginFlow.newBrowser().open(url);
            assertOAuthError(answer, "invalid_request", "Missing parameter: code_challenge_method");
        }
    }

    @Test
    void aClientWithTheFranceConnectProfileFollowsFranceConnectNoPkce(PasserelleServer server) {
        AdminApi admin = server.admin();
        ObjectNode client = Json.MAPPER.createObjectNode()
                .put("clientId", "fc-profile-sp")
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("secret", "fc-profile-secret")
                .put("standardFlowEnabled", true);
        ((ArrayNode) client.putArray("redirectUris")).add(ServiceProvider.REDIRECT_URI);
        client.putObject("attributes").put("passerelle.profile", "franceconnect").put("passerelle.sector", "fc-profile");
        admin.post("/admin/realms/passerelle/clients", client);
        String id = admin.clientByClientId("passerelle", "fc-profile-sp").get("id").asText();
        try {
            ServiceProvider fcClient = new ServiceProvider(server, "passerelle", "fc-profile-sp", "fc-profile-secret");
            ServiceProvider.Authorization authorization = fcClient.authorize("openid profile");
            // FranceConnect's contract also requires acr_values (FranceConnectCompatibilityIT shows its refusal).
            String noPkce = PartnerCalls.without(PartnerCalls.without(authorization.url(), "code_challenge"), "code_challenge_method")
                    + "&acr_values=eidas1";
            Browser browser = LoginFlow.newBrowser();
            Page choice = browser.open(noPkce);
            assertFalse(choice.isClientRedirect(), "the choice page, not an error: " + choice.uri());
            Page back = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, DemoPeople.LUCAS.idp()),
                    DemoPeople.LUCAS.login(), DemoPeople.PASSWORD);
            assertTrue(back.isClientRedirect(), back.text());
            HttpResponse<String> token = PartnerCalls.post(PartnerCalls.tokenEndpoint(server), PartnerCalls.fields(
                    "grant_type", "authorization_code", "code", back.params().get("code"), "redirect_uri", ServiceProvider.REDIRECT_URI),
                    "fc-profile-sp", "fc-profile-secret");
            assertEquals(200, token.statusCode(), token.body());
            assertTrue(Json.parse(token.body()).hasNonNull("id_token"));

            Page stillNeedsState = LoginFlow.newBrowser().open(PartnerCalls.without(noPkce, "state"));
            assertOAuthError(stillNeedsState, "invalid_request", "Missing parameter: state");
        } finally {
            admin.delete("/admin/realms/passerelle/clients/" + id);
        }
    }

    @Test
    void anOperatorCannotRegisterOrIntroduceAWildcardRedirectUri(PasserelleServer server) {
        AdminApi admin = server.admin();
        String wildcard = PasserelleServerExtension.SP_URL + "/*";
        ObjectNode client = Json.MAPPER.createObjectNode()
                .put("clientId", "wildcard-sp").put("protocol", "openid-connect").put("publicClient", false).put("standardFlowEnabled", true);
        client.putArray("redirectUris").add(wildcard);
        HttpResponse<String> created = adminCall(server, "POST", "/admin/realms/passerelle/clients", client);
        assertEquals(400, created.statusCode(), created.body());
        assertEquals("invalid_request", Json.parse(created.body()).path("error").asText(), created.body());
        assertEquals(0, admin.get("/admin/realms/passerelle/clients?clientId=wildcard-sp").size(), "nothing stored");

        JsonNode demoSp = admin.clientByClientId("passerelle", "demo-sp");
        ObjectNode widened = demoSp.deepCopy();
        widened.putArray("redirectUris").add(wildcard);
        HttpResponse<String> updated = adminCall(server, "PUT", "/admin/realms/passerelle/clients/" + demoSp.get("id").asText(), widened);
        assertEquals(400, updated.statusCode(), updated.body());
        assertEquals(List.of(ServiceProvider.REDIRECT_URI),
                Json.MAPPER.convertValue(admin.clientByClientId("passerelle", "demo-sp").get("redirectUris"), List.class));
    }

    @Test
    void shippedClientsRedirectOnlyToTheirExactUri(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Page elsewhere = LoginFlow.newBrowser().open(PartnerCalls.replacing(authorization.url(), "redirect_uri",
                PasserelleServerExtension.SP_URL + "/somewhere-else"));
        assertFalse(elsewhere.isClientRedirect(), "never redirected to an unregistered URI: " + elsewhere.uri());
        assertEquals(400, elsewhere.status());
        assertTrue(elsewhere.text().contains("redirect_uri") || elsewhere.text().contains("URI de redirection"), elsewhere.text());
    }

    @Test
    void anEssentialAcrWithNoKnownValueIsUnmet(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile")
                .with("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"urn:unknown:loa\",\"loa-high\"]}}}");
        PartnerCalls.Stored before = PartnerCalls.Stored.of(server);
        Page answer = LoginFlow.newBrowser().open(authorization.url());
        assertOAuthError(answer, "unmet_authentication_requirements",
                "None of the essential acr values is a level this broker knows (eidas1, eidas2, eidas3)");
        assertEquals(authorization.state(), answer.params().get("state"));
        PartnerCalls.Stored.of(server).assertNothingAddedSince(before, 0, "refused request");

        ServiceProvider.Authorization known = ServiceProvider.demoSp(server).authorize("openid profile")
                .with("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"eidas1\"]}}}");
        Page choice = LoginFlow.newBrowser().open(known.url());
        assertFalse(choice.isClientRedirect(), "a known essential level is served: " + choice.uri());
    }

    static void assertOAuthError(Page answer, String error, String description) {
        assertTrue(answer.isClientRedirect(), "an OAuth error at the SP's redirect URI, not a page: " + answer.uri() + "\n" + answer.text());
        assertTrue(answer.uri().toString().startsWith(ServiceProvider.REDIRECT_URI), answer.uri().toString());
        assertEquals(error, answer.params().get("error"), answer.params().toString());
        assertEquals(description, answer.params().get("error_description"), answer.params().toString());
        assertNull(answer.params().get("code"));
    }

    private static HttpResponse<String> adminCall(PasserelleServer server, String method, String path, Object body) {
        String token = adminToken(server);
        return PartnerCalls.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build());
    }

    private static String adminToken(PasserelleServer server) {
        HttpResponse<String> response = PartnerCalls.post(server.realmUrl("master") + "/protocol/openid-connect/token",
                PartnerCalls.fields("grant_type", "password", "client_id", "admin-cli", "username", PasserelleServer.ADMIN_USER,
                        "password", PasserelleServer.ADMIN_PASSWORD), null, null);
        return Json.parse(response.body()).get("access_token").asText();
    }
}
