package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

/**
 * The edge of the production compose file, docker/nginx/nginx.conf, run by Debian's nginx in front of the test
 * server: TLS on the public listener, no admin console, master realm or management path there, the admin
 * listener apart, 429 on the authorization, token and checktoken endpoints when hammered, security headers, and
 * an X-Forwarded-For that a client cannot plant. Skipped without nginx, except in CI (PASSERELLE_NGINX_REQUIRED=true).
 */
@ExtendWith(PasserelleServerExtension.class)
class EdgeProxyIT {

    private static EdgeProxy edge;
    private static HttpClient tls;

    @BeforeAll
    static void startNginxInFrontOfTheServer(PasserelleServer server) throws IOException {
        requireNginx();
        edge = EdgeProxy.start(workDir().resolve("edge"), URI.create(server.baseUrl()).getPort());
        tls = edge.client();
    }

    @AfterAll
    static void stopNginx() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void thePublicListenerServesTheBrokerOverTlsWithSecurityHeaders() throws Exception {
        HttpResponse<String> discovery = get(edge.publicUrl() + "/realms/passerelle/.well-known/openid-configuration", Map.of());
        assertEquals(200, discovery.statusCode(), discovery.body());
        assertTrue(discovery.body().contains("\"authorization_endpoint\""));
        assertEquals(List.of("max-age=63072000; includeSubDomains"), discovery.headers().allValues("Strict-Transport-Security"));
        assertEquals(List.of("nosniff"), discovery.headers().allValues("X-Content-Type-Options"));
        assertEquals(List.of("no-referrer"), discovery.headers().allValues("Referrer-Policy"));
        assertEquals(List.of("SAMEORIGIN"), discovery.headers().allValues("X-Frame-Options"));
        assertFalse(discovery.headers().firstValue("Server").orElse("").matches(".*\\d.*"), "no version in Server");

        HttpResponse<String> loginPage = get(edge.publicUrl() + "/realms/passerelle/account", Map.of());
        assertEquals(1, loginPage.headers().allValues("X-Frame-Options").size(), "Keycloak's own header is not doubled");
    }

    @Test
    void plainHttpOnThePublicPortIsRefused() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + edge.publicPort + "/realms/passerelle/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, plain.statusCode());
        assertFalse(plain.body().contains("authorization_endpoint"));
    }

    @Test
    void adminConsoleMasterRealmAndManagementPathsAreNotOnThePublicListener() throws Exception {
        for (String path : List.of("/admin/", "/admin/master/console/", "/admin/realms/passerelle/clients", "/ADMIN/master/console/",
                "//admin/master/console/", "/%61dmin/master/console/", "/realms/master/.well-known/openid-configuration",
                "/realms/%6Daster/.well-known/openid-configuration", "/realms//master/protocol/openid-connect/certs",
                "/realms/MASTER/.well-known/openid-configuration", "/metrics", "/health/ready")) {
            HttpResponse<String> response = get(edge.publicUrl() + path, Map.of());
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains("issuer") || response.body().contains("keycloak"), path + ": " + response.body());
        }
        HttpResponse<String> token = post(edge.publicUrl() + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin");
        assertEquals(404, token.statusCode(), "no admin token through the public listener");
    }

    @Test
    void theAdminListenerServesTheConsoleAndTheMasterRealm() throws Exception {
        assertEquals(200, get(edge.adminUrl() + "/realms/master/.well-known/openid-configuration", Map.of()).statusCode());
        assertEquals(200, get(edge.adminUrl() + "/admin/master/console/", Map.of()).statusCode());
        HttpResponse<String> token = post(edge.adminUrl() + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin");
        assertEquals(200, token.statusCode(), token.body());
    }

    @Test
    void theTokenEndpointAnswers429WhenHammered() throws Exception {
        assertRateLimited(() -> post(edge.publicUrl() + "/realms/passerelle/protocol/openid-connect/token",
                "grant_type=authorization_code&code=forged&client_id=demo-sp"));
    }

    @Test
    void theCheckTokenEndpointAnswers429WhenHammered() throws Exception {
        assertRateLimited(() -> post(edge.publicUrl() + "/realms/passerelle/passerelle/checktoken", "token=forged"));
    }

    @Test
    void theAuthorizationEndpointAnswers429WhenHammered() throws Exception {
        assertRateLimited(() -> get(edge.publicUrl() + "/realms/passerelle/protocol/openid-connect/auth?client_id=unknown"
                + "&response_type=code&redirect_uri=https%3A%2F%2Fsp.invalid%2F&scope=openid", Map.of()));
    }

    /** A client's X-Forwarded-For (and Forwarded) never reach the brokers: the proxy sets the address it sees. */
    @Test
    void xForwardedForIsSetByTheProxyNotAppended() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), String.join(",", values)));
            byte[] body = "recorded".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        recorder.start();
        try (EdgeProxy recording = EdgeProxy.start(workDir().resolve("edge-recorder"), recorder.getAddress().getPort())) {
            HttpResponse<String> response = recording.client().send(HttpRequest.newBuilder(URI.create(recording.publicUrl() + "/realms/passerelle/x"))
                    .header("X-Forwarded-For", "203.0.113.66").header("Forwarded", "for=203.0.113.66;proto=http")
                    .header("X-Forwarded-Proto", "http").header("X-Forwarded-Prefix", "/evil").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("127.0.0.1", seen.get("x-forwarded-for"));
            assertEquals("https", seen.get("x-forwarded-proto"));
            assertFalse(seen.containsKey("forwarded"), "Forwarded removed: " + seen.get("forwarded"));
            assertFalse(seen.containsKey("x-forwarded-prefix"), "X-Forwarded-Prefix removed");
        } finally {
            recorder.stop(0);
        }
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /**
     * Parallel requests until the first 429 (bounded): the limit lets a burst through to Keycloak first (its own
     * answers, not 429), then refuses.
     */
    private static void assertRateLimited(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 20 && !statuses.contains(429); round++) {
                List<Future<Integer>> batch = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    batch.add(pool.submit(() -> call.send().statusCode()));
                }
                for (Future<Integer> status : batch) {
                    statuses.add(status.get());
                }
            }
            assertTrue(statuses.contains(429), "no 429 after " + statuses.size() + " requests: " + statuses.subList(0, 10));
            assertTrue(statuses.stream().anyMatch(s -> s != 429), "the first requests reach Keycloak");
            assertTrue(edge.errorLog().contains("limiting requests"), "nginx logs the refusals");
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return tls.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return tls.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path workDir() {
        return Path.of(System.getProperty("passerelle.work.dir", "target"));
    }

    private static void requireNginx() {
        if (EdgeProxy.available()) {
            return;
        }
        if ("true".equals(System.getenv("PASSERELLE_NGINX_REQUIRED")) || "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("nginx is required here (CI) but " + EdgeProxy.NGINX + " is missing: apt-get install nginx-light");
        }
        Assumptions.assumeTrue(false, "nginx is not installed (" + EdgeProxy.NGINX + "): apt-get install nginx-light to run the edge test");
    }
}
