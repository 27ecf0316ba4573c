package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A service and a data provider written for FranceConnect move to the broker by configuration only: the service
 * client {@code demo-fc-sp} carries {@code passerelle.profile=franceconnect}, and the partner code under test
 * ({@link FranceConnectPartner}) follows FranceConnect's partner documentation, not this project's code.
 */
@ExtendWith(PasserelleServerExtension.class)
class FranceConnectCompatibilityIT {

    private static final String CLIENT = "demo-fc-sp";
    private static final String SECRET = "demo-fc-sp-secret";
    private static final List<String> PIVOT = List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FranceConnectPartner partner(PasserelleServer server, String clientId, String secret, RSAKey key) {
        return new FranceConnectPartner(server.realmUrl("passerelle") + "/.well-known/openid-configuration", clientId, secret, key);
    }

    private static Browser browser() {
        return new Browser(PasserelleServerExtension.SP_URL);
    }

    private static Page signIn(Browser browser, FranceConnectPartner.Login login, DemoPeople person) {
        Page choice = browser.open(login.url());
        Page idpLogin = LoginFlow.chooseIdp(browser, choice, person.idp());
        return LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
    }

    @Test
    void eidas1LoginWithoutPkceGivesAMinimalIdTokenASignedUserinfoJwtAndALogoutRoundTrip(PasserelleServer server) {
        FranceConnectPartner partner = partner(server, CLIENT, SECRET, null);
        Browser browser = browser();
        FranceConnectPartner.Login login = partner.login("openid identite_pivot", "eidas1");
        assertFalse(login.url().contains("code_challenge"), "a FranceConnect service sends no PKCE");
        assertTrue(login.nonce().matches("[0-9a-f]{64}"));

        FranceConnectPartner.Session session = login.callback(signIn(browser, login, DemoPeople.MARIE_IMPOTS));

        JsonNode tokens = session.tokenResponse();
        assertFalse(tokens.has("refresh_token"), "FranceConnect issues no refresh token: " + tokens.fieldNames());
        assertTrue(tokens.get("expires_in").asInt() <= 60, "short-lived access token: " + tokens.get("expires_in"));
        assertFalse(session.idTokenEncrypted());

        Map<String, Object> idToken = session.idToken();
        assertEquals("eidas1", idToken.get("acr"));
        for (String claim : PIVOT) {
            assertFalse(idToken.containsKey(claim), "the ID token stays minimal, no " + claim + ": " + idToken.keySet());
        }
        assertFalse(idToken.containsKey("amr"), "amr only on request through claims");
        String sub = idToken.get("sub").toString();
        assertTrue(sub.matches("[0-9a-f]{64}v1"), sub);

        FranceConnectPartner.UserinfoAnswer userinfo = session.userinfo();
        assertTrue(userinfo.contentType().startsWith("application/jwt"), userinfo.contentType());
        assertFalse(userinfo.encrypted());
        assertEquals("ES256", userinfo.algorithm());
        for (String claim : PIVOT) {
            assertTrue(userinfo.claims().containsKey(claim), "userinfo carries " + claim + ": " + userinfo.claims().keySet());
        }
        assertEquals("DUPONT", userinfo.claims().get("family_name"));
        assertEquals(sub, userinfo.claims().get("sub"));
        assertFalse(userinfo.claims().containsKey("preferred_username"), "identite_pivot has no preferred_username");
        assertFalse(userinfo.claims().containsKey("amr"));

        Page back = browser.open(session.logoutUrl("logout-state-1"));
        assertTrue(back.isClientRedirect() && back.uri().toString().startsWith(FranceConnectPartner.POST_LOGOUT_REDIRECT_URI),
                "back at the service's logout URL: " + back.uri() + "\n" + back.text());
        assertEquals("logout-state-1", back.params().get("state"));
        assertEquals(401, userinfoStatus(server, session.accessToken()), "the session is over");
    }

    @Test
    void amrComesOnlyWhenTheClaimsParameterAsksForIt(PasserelleServer server) {
        FranceConnectPartner partner = partner(server, CLIENT, SECRET, null);
        FranceConnectPartner.Login login = partner.login("openid given_name", "eidas1")
                .with("claims", "{\"id_token\":{\"amr\":{\"essential\":true}}}");
        FranceConnectPartner.Session session = login.callback(signIn(browser(), login, DemoPeople.MARIE_IMPOTS));

        Map<String, Object> idToken = session.idToken();
        assertTrue(idToken.containsKey("amr"), "asked for amr: " + idToken.keySet());
        assertFalse(FranceConnectPartner.list(idToken.get("amr")).isEmpty());
        assertFalse(idToken.containsKey("given_name"), "still no identity in the ID token");
        assertNotNull(session.userinfo().claims().get("given_name"), "the identity comes from userinfo");
    }

    @Test
    void missingAcrValuesIsRefusedToTheService(PasserelleServer server) {
        FranceConnectPartner.Login login = partner(server, CLIENT, SECRET, null).login("openid identite_pivot", null);
        Map<String, String> answer = expectError(browser().open(login.url()), login.state());
        assertEquals("invalid_request", answer.get("error"));
        assertTrue(answer.get("error_description").contains("acr_values"), answer.toString());
    }

    @Test
    void unknownAcrValuesAreInvalidAcr(PasserelleServer server) {
        FranceConnectPartner.Login login = partner(server, CLIENT, SECRET, null).login("openid identite_pivot", "eidas4");
        assertEquals("invalid_acr", expectError(browser().open(login.url()), login.state()).get("error"));

        FranceConnectPartner.Login mixed = partner(server, CLIENT, SECRET, null).login("openid identite_pivot", "eidas1 loa-high");
        assertEquals("invalid_acr", expectError(browser().open(mixed.url()), mixed.state()).get("error"));
    }

    @Test
    void eidas2ForAClientWithoutAnEncryptionKeyIsRefusedAndTheOperatorIsTold(PasserelleServer server) {
        FranceConnectPartner.Login login = partner(server, CLIENT, SECRET, null).login("openid identite_pivot", "eidas2");
        Map<String, String> answer = expectError(browser().open(login.url()), login.state());
        assertEquals("unauthorized_client", answer.get("error"));
        assertFalse(answer.containsKey("code"), "no code, so no clear token can ever be issued");
        assertTrue(server.logText().contains("FranceConnect-profile client demo-fc-sp asked for eidas2 or above but has no ID token"
                + " and userinfo encryption registered"), "the operator reads why in the log");
    }

    @Test
    void eidas2ForAClientWithItsKeyGivesSignedThenEncryptedIdTokenAndUserinfo(PasserelleServer server) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA_OAEP).keyID("fc-plus-enc").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(published);
            }
        });
        jwks.start();
        AdminApi admin = server.admin();
        String clientId = "demo-fc-plus-sp";
        try {
            admin.post("/admin/realms/passerelle/clients", franceConnectPlusClient(clientId,
                    "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"));
            JsonNode registered = admin.clientByClientId("passerelle", clientId).get("attributes");
            assertEquals("RSA-OAEP", registered.path("id.token.encrypted.response.alg").asText(), "FranceConnect+ encryption set for it");
            assertEquals("A256GCM", registered.path("user.info.encrypted.response.enc").asText());
            assertEquals("60", registered.path("access.token.lifespan").asText());
            assertEquals("false", registered.path("use.refresh.tokens").asText());
            assertEquals("RS256", registered.path("user.info.response.signature.alg").asText(), "the service's own choice kept");
            FranceConnectPartner partner = partner(server, clientId, "fc-plus-test-secret", key);
            Browser browser = browser();
            FranceConnectPartner.Login login = partner.login("openid identite_pivot", "eidas2");
            FranceConnectPartner.Session session = login.callback(signIn(browser, login, DemoPeople.MARIE_IDENTITE_NUMERIQUE));

            assertFalse(session.tokenResponse().has("refresh_token"));
            assertTrue(session.idTokenEncrypted(), "FranceConnect+ encrypts the ID token to the service's key");
            Map<String, Object> idToken = session.idToken();
            assertEquals("eidas2", idToken.get("acr"));
            assertFalse(idToken.containsKey("family_name"));

            FranceConnectPartner.UserinfoAnswer userinfo = session.userinfo();
            assertTrue(userinfo.encrypted(), "and the userinfo");
            assertEquals("RS256", userinfo.algorithm(), "signed with the algorithm the service chose");
            assertNotNull(userinfo.claims().get("family_name"));
            assertEquals(idToken.get("sub"), userinfo.claims().get("sub"));

            Page back = browser.open(session.logoutUrl("logout-state-2"));
            assertEquals("logout-state-2", back.params().get("state"), back.uri().toString());
        } finally {
            jwks.stop(0);
            deleteClient(admin, clientId);
        }
    }

    @Test
    void aFranceConnectDataProviderGetsFranceConnectsCheckTokenShape(PasserelleServer server) throws Exception {
        AdminApi admin = server.admin();
        JsonNode dp = admin.clientByClientId("passerelle", "demo-dp");
        ObjectNode franceConnectDp = dp.deepCopy();
        ((ObjectNode) franceConnectDp.get("attributes")).put("passerelle.profile", "franceconnect");
        String path = "/admin/realms/passerelle/clients/" + dp.get("id").asText();
        admin.put(path, franceConnectDp);
        try {
            FranceConnectPartner partner = partner(server, CLIENT, SECRET, null);
            Browser browser = browser();
            FranceConnectPartner.Login login = partner.login("openid identite_pivot dgfip_rfr", "eidas1");
            Page consent = signIn(browser, login, DemoPeople.MARIE_IMPOTS);
            FranceConnectPartner.Session session = login.callback(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));

            // As FranceConnect documents it: client_id and client_secret in the form, next to the token.
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", session.accessToken());
            form.put("client_id", "demo-dp");
            form.put("client_secret", "demo-dp-secret-keying-hs256-answers");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(server.realmUrl("passerelle") + "/passerelle/checktoken"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(FranceConnectPartner.form(form))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/token-introspection+jwt"),
                    "FranceConnect always answers a JWT");

            SignedJWT jwt = SignedJWT.parse(response.body());
            // A DP authenticating with its client secret gets the answer HS256 keyed by that secret, as FranceConnect did.
            assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
            assertTrue(jwt.verify(new MACVerifier("demo-dp-secret-keying-hs256-answers".getBytes(StandardCharsets.UTF_8))));
            assertEquals(server.realmUrl("passerelle"), jwt.getJWTClaimsSet().getIssuer());
            assertEquals(List.of("demo-dp"), jwt.getJWTClaimsSet().getAudience());

            Map<String, Object> introspection = jwt.getJWTClaimsSet().getJSONObjectClaim("token_introspection");
            assertNotNull(introspection, "the answer under token_introspection");
            assertEquals(true, introspection.get("active"));
            assertEquals(CLIENT, introspection.get("aud"));
            assertEquals("dgfip_rfr", introspection.get("scope"), "scope as a space-separated string");
            assertEquals("eidas1", introspection.get("acr"));
            assertTrue(introspection.get("sub").toString().matches("[0-9a-f]{64}v1"));
            assertEquals("DUPONT", introspection.get("family_name"), "identity claims at the top level");
            assertEquals("1985-03-14", introspection.get("birthdate"));
            assertFalse(introspection.containsKey("identity"));
            assertNotNull(introspection.get("jti"));
            assertNotNull(introspection.get("exp"));
        } finally {
            // An admin PUT keeps the attributes its body omits: the profile is cleared explicitly.
            ObjectNode restored = dp.deepCopy();
            ((ObjectNode) restored.get("attributes")).put("passerelle.profile", "");
            admin.put(path, restored);
        }
    }

    private static Map<String, String> expectError(Page page, String state) {
        assertTrue(page.isClientRedirect() && page.uri().toString().startsWith(FranceConnectPartner.REDIRECT_URI),
                "an OAuth error back to the service, not a page: " + page.uri() + "\n" + page.text());
        Map<String, String> answer = page.params();
        assertTrue(answer.containsKey("error"), answer.toString());
        assertEquals(state, answer.get("state"), "the error carries the service's state");
        return answer;
    }

    private int userinfoStatus(PasserelleServer server, String accessToken) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.realmUrl("passerelle") + "/protocol/openid-connect/userinfo"))
                    .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A FranceConnect+ service registered by configuration only: the profile, its JWKS URL and its choice of RS256;
     * the profile's registration policy writes the rest of FranceConnect's settings.
     */
    private static ObjectNode franceConnectPlusClient(String clientId, String jwksUrl) {
        ObjectNode client = Json.MAPPER.createObjectNode();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("standardFlowEnabled", true);
        client.put("secret", "fc-plus-test-secret");
        client.set("redirectUris", Json.MAPPER.valueToTree(List.of(FranceConnectPartner.REDIRECT_URI)));
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("passerelle.profile", "franceconnect");
        attributes.put("passerelle.sector", "demo-fc");
        attributes.put("post.logout.redirect.uris", FranceConnectPartner.POST_LOGOUT_REDIRECT_URI);
        attributes.put("jwks.url", jwksUrl);
        attributes.put("id.token.signed.response.alg", "RS256");
        attributes.put("user.info.response.signature.alg", "RS256");
        client.set("defaultClientScopes", Json.MAPPER.valueToTree(List.of("basic", "acr")));
        client.set("optionalClientScopes", Json.MAPPER.valueToTree(List.of("identite_pivot", "profile", "birth")));
        return client;
    }

    private static void deleteClient(AdminApi admin, String clientId) {
        try {
            admin.delete("/admin/realms/passerelle/clients/" + admin.clientByClientId("passerelle", clientId).get("id").asText());
        } catch (IllegalStateException e) {
            // Not created: nothing to remove.
        }
    }
}
