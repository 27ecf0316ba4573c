package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * FranceConnect's {@code /api/v2/...} paths through the production proxy's snippet
 * ({@code docker/nginx/franceconnect-paths.conf}), with Debian's nginx in front of the test server: a service that
 * pinned FranceConnect's URLs only swaps the host, and learns the one thing that differs, the issuer.
 */
@ExtendWith(PasserelleServerExtension.class)
class FranceConnectPathsIT {

    private static final Path SNIPPET = Path.of(System.getProperty("user.dir")).resolve("../docker/nginx/franceconnect-paths.conf");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aServiceWithFranceConnectsPinnedPathsSignsInReadsUserinfoAndLogsOutThroughTheProxy(PasserelleServer server) {
        Assumptions.assumeTrue(NginxFront.available(), "needs Debian's nginx at " + NginxFront.NGINX);
        int upstream = URI.create(server.baseUrl()).getPort();
        try (NginxFront nginx = NginxFront.start(Path.of(System.getProperty("passerelle.work.dir"), "fc-nginx"), upstream, SNIPPET)) {
            String host = nginx.baseUrl();

            JsonNode discovery = Json.parse(get(host + "/api/v2/.well-known/openid-configuration", 200));
            String issuer = discovery.get("issuer").asText();
            assertEquals(server.realmUrl("passerelle"), issuer, "the issuer is the realm's URL at the broker's hostname");
            assertNotEquals(host + "/api/v2", issuer, "not FranceConnect's: the one setting a pinned service must change");
            assertTrue(Json.parse(get(host + "/api/v2/jwks", 200)).get("keys").size() > 0);

            FranceConnectPartner partner = FranceConnectPartner.pinned(host, issuer, "demo-fc-sp", "demo-fc-sp-secret");
            Browser browser = new Browser(PasserelleServerExtension.SP_URL);
            FranceConnectPartner.Login login = partner.login("openid identite_pivot", "eidas1");
            assertTrue(login.url().startsWith(host + "/api/v2/authorize?"));
            Page choice = browser.open(login.url());
            Page idpLogin = LoginFlow.chooseIdp(browser, choice, DemoPeople.MARIE_IMPOTS.idp());
            FranceConnectPartner.Session session = login.callback(
                    LoginFlow.signInAtIdp(browser, idpLogin, DemoPeople.MARIE_IMPOTS.login(), DemoPeople.PASSWORD));

            assertEquals("eidas1", session.idToken().get("acr"));
            FranceConnectPartner.UserinfoAnswer userinfo = session.userinfo();
            assertTrue(userinfo.contentType().startsWith("application/jwt"));
            assertTrue(userinfo.claims().containsKey("family_name"));

            HttpResponse<String> checktoken = post(host + "/api/v2/checktoken",
                    "token=" + session.accessToken() + "&client_id=demo-dp&client_secret=demo-dp-secret-keying-hs256-answers");
            assertEquals(200, checktoken.statusCode(), checktoken.body());

            Page back = browser.open(session.logoutUrl("pinned-logout"));
            assertTrue(back.uri().toString().startsWith(FranceConnectPartner.POST_LOGOUT_REDIRECT_URI), back.uri().toString());
            assertEquals("pinned-logout", back.params().get("state"));
        }
    }

    @Test
    void onlyTheListedPathsAreMapped(PasserelleServer server) {
        Assumptions.assumeTrue(NginxFront.available(), "needs Debian's nginx at " + NginxFront.NGINX);
        int upstream = URI.create(server.baseUrl()).getPort();
        try (NginxFront nginx = NginxFront.start(Path.of(System.getProperty("passerelle.work.dir"), "fc-nginx-2"), upstream, SNIPPET)) {
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "/api/v2/unknown")).GET()).statusCode());
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "/api/v1/authorize")).GET()).statusCode(),
                    "FranceConnect v1 paths are not offered: v1 services must first move to v2");
        }
    }

    private String get(String url, int expected) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertEquals(expected, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private HttpResponse<String> post(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
