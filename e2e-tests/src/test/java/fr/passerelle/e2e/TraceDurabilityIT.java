package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The traces of token checks are written in batches by each node's writer, off the call: the promise that they stay
 * durable and complete, attacked. Many concurrent checktoken calls, the server stopped gracefully (SIGTERM to its
 * process) right after the last answer, restarted on the same database: every call has its trace, exactly once, with
 * its columns. The server is this class's own (it is stopped and restarted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceDurabilityIT {

    private static final int ACTIVE_CALLS = 600;
    private static final int INVALID_CALLS = 100;
    private static final int CONNECTIONS = 16;
    private static final Pattern WRITER_CLOSED = Pattern.compile(
            "trace writer closed: (\\d+) token-check traces accepted, (\\d+) written in (\\d+) batches \\(largest (\\d+)\\), "
            + "(\\d+) failed attempts; (\\d+) were not written yet when the stop began");

    private PasserelleServer server;

    @BeforeAll
    void start() {
        server = PasserelleServerExtension.startOwn("keycloak-trace-durability", Map.of(),
                // The writer waits up to 10 s to fill a batch: when the stop comes, traces are certainly still queued.
                List.of("--spi-events-listener--passerelle-traces--linger-millis=10000"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyConcurrentTokenCheckKeepsItsTraceThroughAGracefulStop() throws Exception {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile birth dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
        DataProvider dp = DataProvider.demoDp(server);

        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < ACTIVE_CALLS + INVALID_CALLS; i++) {
                boolean valid = i % 7 != 0 || i / 7 >= INVALID_CALLS;
                String token = valid ? tokens.accessToken() : "not-a-token-" + i;
                calls.add(pool.submit(() -> dp.checkToken(token, "application/json")));
            }
            int active = 0;
            int inactive = 0;
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(120, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                if (Json.parse(response.body()).get("active").asBoolean()) {
                    active++;
                } else {
                    inactive++;
                }
            }
            assertEquals(ACTIVE_CALLS, active);
            assertEquals(INVALID_CALLS, inactive);
        } finally {
            pool.shutdownNow();
        }

        // Right after the last answer: SIGTERM to the server's process, then the same server again on its database.
        long logBefore = server.logText().length();
        server = server.restart();
        String stopLog = server.logText().substring((int) logBefore);
        Matcher closed = WRITER_CLOSED.matcher(stopLog);
        assertTrue(closed.find(), "the trace writer reports its close at the graceful stop");
        assertEquals(closed.group(1), closed.group(2), "every trace the writer accepted was written before the stop");
        assertTrue(Integer.parseInt(closed.group(6)) > 0, "the stop found traces still queued (so the flush at the stop is what wrote them): "
                + closed.group());

        List<JsonNode> traces = Traces.all(server);
        List<JsonNode> ok = traces.stream().filter(t -> "checktoken_ok".equals(t.get("event").asText())).toList();
        List<JsonNode> refused = traces.stream().filter(t -> "checktoken_invalid_token".equals(t.get("event").asText())).toList();
        assertEquals(ACTIVE_CALLS, ok.size(), "one trace per active token check, none lost, none twice");
        assertEquals(INVALID_CALLS, refused.size(), "one trace per refused token check");
        String identityKey = ok.get(0).get("identityKey").asText();
        assertTrue(identityKey.matches("[0-9a-f]{64}"), identityKey);
        // The token names its session by the service sector's alias; traces name it by the session's own id, as the
        // login's trace does.
        List<String> loginSessions = traces.stream().filter(t -> "redirected_to_sp".equals(t.get("event").asText())
                && identityKey.equals(t.path("identityKey").asText())).map(t -> t.path("sessionId").asText()).toList();
        assertFalse(loginSessions.isEmpty(), "Marie's login is traced with its session");
        for (JsonNode trace : ok) {
            assertEquals("demo-sp", trace.get("sp").asText());
            assertEquals("demo-dp", trace.get("dp").asText());
            assertEquals("eidas1", trace.get("level").asText());
            assertEquals("dgfip_rfr", trace.get("scopes").asText());
            assertEquals(identityKey, trace.get("identityKey").asText());
            assertNotNull(trace.get("time"));
            assertTrue(loginSessions.contains(trace.get("sessionId").asText()),
                    "the trace names the session as the login's trace does: " + trace.get("sessionId") + " not in " + loginSessions);
        }
        for (JsonNode trace : refused) {
            assertEquals("demo-dp", trace.get("dp").asText());
            assertFalse(trace.hasNonNull("identityKey"), "an unreadable token names no one");
        }
        // Marie's login traces are there too, written in their own transaction as before.
        assertTrue(traces.stream().anyMatch(t -> "redirected_to_sp".equals(t.get("event").asText())
                && identityKey.equals(t.get("identityKey").asText())));
    }
}
