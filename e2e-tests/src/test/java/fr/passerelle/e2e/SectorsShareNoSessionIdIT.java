package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTParser;
import com.sun.net.httpserver.HttpServer;

/**
 * Two services of different sectors, signed in by one single sign-on session, put together everything the broker
 * told each of them about the person's account and session: the pairwise {@code sub} differs, Keycloak's user
 * session id (the same for both) reaches neither through the redirect, the token response, the ID token or
 * introspection, and the session their access and refresh tokens name ({@code sid}) is each sector's own alias, which
 * still works for refresh, userinfo and introspection. Logout started by a service with its ID token as hint still
 * ends the session for every service, and a service with a back-channel logout URL is told by the alias its own
 * tokens carry.
 */
@ExtendWith(PasserelleServerExtension.class)
class SectorsShareNoSessionIdIT {

    private static final String LOGGED_OUT = PasserelleServerExtension.SP_URL + "/logged-out";

    @Test
    void twoSectorsInOneSsoSessionCompareWhatTheyReceivedAndFindNoCommonIdentifier(PasserelleServer server)
            throws IOException, InterruptedException {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        Browser browser = new Browser(ServiceProvider.REDIRECT_URI, LOGGED_OUT);
        ServiceProvider city = ServiceProvider.demoSp(server);
        ServiceProvider agency = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");

        ServiceProvider.Authorization atCity = city.authorize("openid");
        Page cityCallback = LoginFlow.signIn(browser, atCity, "impots", person.login());
        Tokens cityTokens = atCity.redeem(cityCallback);
        ServiceProvider.Authorization atAgency = agency.authorize("openid");
        Page agencyCallback = browser.open(atAgency.url());
        assertTrue(agencyCallback.isClientRedirect(), "single sign-on to the second sector: " + agencyCallback.uri());
        Tokens agencyTokens = atAgency.redeem(agencyCallback);

        for (Page callback : new Page[] {cityCallback, agencyCallback}) {
            assertFalse(callback.params().containsKey("session_state"), "no session id in the redirect: " + callback.params());
        }
        for (Tokens tokens : new Tokens[] {cityTokens, agencyTokens}) {
            assertFalse(tokens.response().has("session_state"), "no session id in the token response: " + tokens.response().fieldNames());
            assertNull(tokens.idToken().get("sid"), "no session id in the ID token: " + tokens.idToken());
            assertNull(tokens.userinfo().get("sid"), "no session id in userinfo");
        }
        Map<String, Object> cityId = cityTokens.idToken();
        Map<String, Object> agencyId = agencyTokens.idToken();
        assertNotEquals(cityId.get("sub"), agencyId.get("sub"), "pairwise sub per sector");
        assertNotEquals(cityTokens.userinfo().get("sub"), agencyTokens.userinfo().get("sub"));

        String citySid = claim(cityTokens.accessToken(), "sid");
        String agencySid = claim(agencyTokens.accessToken(), "sid");
        assertTrue(citySid != null && agencySid != null, "the access tokens name their session");
        assertNotEquals(citySid, agencySid, "each sector's access token names the session by its own alias");
        assertEquals(citySid, claim(cityTokens.refreshToken(), "sid"), "the refresh token names it as the access token does");
        assertEquals(agencySid, claim(agencyTokens.refreshToken(), "sid"));
        assertNotEquals(citySid, claim(agencyTokens.refreshToken(), "sid"));

        JsonNode refreshed = agency.tryRefresh(agencyTokens.refreshToken()).body();
        assertEquals(agencySid, claim(refreshed.get("access_token").asText(), "sid"), "a refresh keeps the sector's alias");
        assertNotEquals(agencySid, claim(cityTokens.accessToken(), "sid"));
    }

    @Test
    void aServiceWithABackChannelLogoutUrlIsToldWhoLeftByItsOwnSubAndLearnsNoSessionIdOfAnotherSector(PasserelleServer server)
            throws IOException, InterruptedException {
        LinkedBlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    logoutTokens.add(URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String clientId = "sector-logout-sp";
        AdminApi admin = server.admin();
        ObjectNode client = Json.MAPPER.createObjectNode()
                .put("clientId", clientId)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("secret", "sector-logout-secret")
                .put("standardFlowEnabled", true);
        ((ArrayNode) client.putArray("redirectUris")).add(ServiceProvider.REDIRECT_URI);
        client.putObject("attributes").put("passerelle.sector", "logout-sector").put("post.logout.redirect.uris", LOGGED_OUT)
                .put("backchannel.logout.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel")
                .put("backchannel.logout.session.required", "true");
        ObjectNode selfAudience = ((ArrayNode) client.putArray("protocolMappers")).addObject()
                .put("name", "its own audience").put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
        selfAudience.putObject("config").put("included.client.audience", clientId).put("access.token.claim", "true")
                .put("introspection.token.claim", "true");
        admin.post("/admin/realms/passerelle/clients", client);
        String id = admin.clientByClientId("passerelle", clientId).get("id").asText();
        try {
            FreshPerson person = FreshPerson.atIdps(server, "impots");
            Browser browser = new Browser(ServiceProvider.REDIRECT_URI, LOGGED_OUT);
            ServiceProvider city = ServiceProvider.demoSp(server);
            ServiceProvider listener = new ServiceProvider(server, "passerelle", clientId, "sector-logout-secret");
            ServiceProvider.Authorization atCity = city.authorize("openid");
            Tokens cityTokens = atCity.redeem(LoginFlow.signIn(browser, atCity, "impots", person.login()));
            ServiceProvider.Authorization atListener = listener.authorize("openid");
            Tokens listenerTokens = atListener.redeem(browser.open(atListener.url()));

            assertEquals("false", admin.clientByClientId("passerelle", clientId).path("attributes")
                    .path("backchannel.logout.session.required").asText(), "registered with logout tokens naming no session");
            assertNull(listenerTokens.idToken().get("sid"), "no session id in its ID token either");
            String listenerSid = claim(listenerTokens.accessToken(), "sid");
            String realSessionId = admin.get("/admin/realms/passerelle/clients/" + id + "/user-sessions").get(0).get("id").asText();
            assertNotEquals(realSessionId, listenerSid, "its access token names the session by an alias, not Keycloak's id");
            assertNotEquals(claim(cityTokens.accessToken(), "sid"), listenerSid, "not the other sector's alias");
            JsonNode introspected = introspect(server, clientId, "sector-logout-secret", listenerTokens.accessToken());
            assertTrue(introspected.path("active").asBoolean(), "the broker finds the session behind the alias: " + introspected);
            assertFalse(introspected.has("sid") || introspected.has("session_state"), "no session id in introspection: " + introspected);
            assertEquals(listenerTokens.idToken().get("sub"), introspected.path("sub").asText(), "the service's own sub");

            // The service logs out with its own ID token, whose sid is its sector's alias: no confirmation page either.
            Page back = browser.open(server.realmUrl("passerelle") + "/protocol/openid-connect/logout?id_token_hint="
                    + enc(listenerTokens.rawIdToken()) + "&post_logout_redirect_uri=" + enc(LOGGED_OUT));
            assertTrue(back.isClientRedirect() && back.uri().toString().startsWith(LOGGED_OUT), back.uri() + "\n" + back.text());
            String logoutToken = logoutTokens.poll(20, TimeUnit.SECONDS);
            assertTrue(logoutToken != null, "the back-channel logout request arrived");
            assertNull(claim(logoutToken, "sid"), "the logout token names no session");
            assertEquals(listenerTokens.idToken().get("sub"), claim(logoutToken, "sub"), "it names the person by the service's own sub");
            assertNotEquals(cityTokens.idToken().get("sub"), claim(logoutToken, "sub"));
            assertEquals(400, listener.tryRefresh(listenerTokens.refreshToken()).status(), "the session is over for that service");
            assertFalse(introspect(server, clientId, "sector-logout-secret", listenerTokens.accessToken()).path("active").asBoolean(),
                    "its access token is no longer active");
            assertEquals(400, city.tryRefresh(cityTokens.refreshToken()).status(), "the session is over for the other sector too");
        } finally {
            admin.delete("/admin/realms/passerelle/clients/" + id);
            receiver.stop(0);
        }
    }

    @Test
    void aClientRegisteredWithLogoutChannelsGetsItsLogoutRequestsWithoutASessionId(PasserelleServer server) {
        AdminApi admin = server.admin();
        String clientId = "front-channel-sp";
        ObjectNode client = Json.MAPPER.createObjectNode()
                .put("clientId", clientId)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("secret", "front-channel-secret")
                .put("frontchannelLogout", true);
        ((ArrayNode) client.putArray("redirectUris")).add(ServiceProvider.REDIRECT_URI);
        client.putObject("attributes").put("passerelle.sector", "front-sector")
                .put("frontchannel.logout.url", "http://127.0.0.1:9/front-logout")
                .put("frontchannel.logout.session.required", "true")
                .put("backchannel.logout.url", "http://127.0.0.1:9/back-logout")
                .put("backchannel.logout.session.required", "true");
        admin.post("/admin/realms/passerelle/clients", client);
        JsonNode created = admin.clientByClientId("passerelle", clientId);
        String id = created.get("id").asText();
        try {
            for (String setting : new String[] {"frontchannel.logout.session.required", "backchannel.logout.session.required"}) {
                assertEquals("false", created.path("attributes").path(setting).asText(), setting + ": " + created.path("attributes"));
            }
            ObjectNode update = (ObjectNode) created;
            ((ObjectNode) update.get("attributes")).put("frontchannel.logout.session.required", "true")
                    .put("backchannel.logout.session.required", "true");
            admin.put("/admin/realms/passerelle/clients/" + id, update);
            JsonNode updated = admin.clientByClientId("passerelle", clientId).path("attributes");
            for (String setting : new String[] {"frontchannel.logout.session.required", "backchannel.logout.session.required"}) {
                assertEquals("false", updated.path(setting).asText(), "an update cannot turn " + setting + " back on");
            }
        } finally {
            admin.delete("/admin/realms/passerelle/clients/" + id);
        }
    }

    @Test
    void logoutStartedByAServiceWithItsIdTokenAsHintStillEndsTheSession(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        Browser browser = new Browser(ServiceProvider.REDIRECT_URI, LOGGED_OUT);
        ServiceProvider city = ServiceProvider.demoSp(server);
        ServiceProvider agency = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");
        ServiceProvider.Authorization atCity = city.authorize("openid");
        Tokens cityTokens = atCity.redeem(LoginFlow.signIn(browser, atCity, "impots", person.login()));
        ServiceProvider.Authorization atAgency = agency.authorize("openid");
        Tokens agencyTokens = atAgency.redeem(browser.open(atAgency.url()));
        assertEquals(200, agency.tryRefresh(agencyTokens.refreshToken()).status(), "the other sector's session works before");
        assertNull(cityTokens.idToken().get("sid"), "the hint names no session");

        Page back = browser.open(server.realmUrl("passerelle") + "/protocol/openid-connect/logout?id_token_hint="
                + enc(cityTokens.rawIdToken()) + "&post_logout_redirect_uri=" + enc(LOGGED_OUT) + "&state=bye");
        assertTrue(back.isClientRedirect() && back.uri().toString().startsWith(LOGGED_OUT),
                "back at the service without a confirmation page: " + back.uri() + "\n" + back.text());
        assertEquals("bye", back.params().get("state"));

        assertEquals(400, agency.tryRefresh(agencyTokens.refreshToken()).status(), "the session ended for the other sector too");
        Page again = browser.open(agency.authorize("openid").url());
        assertFalse(again.isClientRedirect(), "no single sign-on after the logout: " + again.uri());
        assertTrue(again.has("#passerelle-idp-choice"), again.uri() + "\n" + again.text());
    }

    private static String claim(String jwt, String name) {
        try {
            Object value = JWTParser.parse(jwt).getJWTClaimsSet().getClaim(name);
            return value == null ? null : value.toString();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + e.getMessage(), e);
        }
    }

    private static JsonNode introspect(PasserelleServer server, String clientId, String secret, String token)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.realmUrl("passerelle") + "/protocol/openid-connect/token/introspect"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + enc(token))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
