package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Minimal disclosure at checktoken, attacked: a DP the token grants nothing learns nothing, the answer carries
 * the pivot identity and nothing more, no answer may be cached, and anonymous callers cannot grow the trace table.
 */
@ExtendWith(PasserelleServerExtension.class)
class CheckTokenDisclosureIT {

    private static final int ANONYMOUS_CALLS = 10_000;
    private static final String METRIC = "passerelle_checktoken_unauthenticated_total";

    @Test
    void aTokenGrantingNoDataScopeTellsNeitherDataProviderAnything(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Page back = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.MARIE_IMPOTS);
        assertTrue(back.isClientRedirect(), "no consent page for openid alone: " + back.text());
        Tokens tokens = authorization.redeem(back);

        for (DataProvider dp : List.of(DataProvider.demoDp(server), new DataProvider(server, "demo-dp-2", "demo-dp-2-secret-keying-hs256-answers"))) {
            assertEquals(Map.of("active", false), Json.MAPPER.convertValue(dp.checkTokenJson(tokens.accessToken()), Map.class),
                    "a DP the token grants nothing learns nothing, not even that the token is live");
            assertEquals(Map.of("active", false), dp.checkTokenJwt(tokens.accessToken()), "same in the signed answer");
        }
    }

    @Test
    void aDataProviderLearnsOnlyThePivotIdentityAndOnlyForItsOwnScope(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile birth email dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));

        JsonNode answer = DataProvider.demoDp(server).checkTokenJson(tokens.accessToken());
        assertTrue(answer.get("active").asBoolean());
        List<String> fields = new ArrayList<>();
        answer.get("identity").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry"), fields,
                "the pivot identity, no e-mail, no usage name, no raw IdP value");

        JsonNode other = new DataProvider(server, "demo-dp-2", "demo-dp-2-secret-keying-hs256-answers").checkTokenJson(tokens.accessToken());
        assertEquals(Map.of("active", false), Json.MAPPER.convertValue(other, Map.class),
                "demo-dp-2 serves none of the granted scopes");
    }

    @Test
    void everyCheckTokenAnswerForbidsCaching(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.AHMED);
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));

        Map<String, HttpResponse<String>> answers = Map.of(
                "active JSON", DataProvider.demoDp(server).checkToken(tokens.accessToken(), "application/json"),
                "active JWT", DataProvider.demoDp(server).checkToken(tokens.accessToken(), null),
                "inactive", DataProvider.demoDp(server).checkToken("garbage", "application/json"),
                "missing token", DataProvider.demoDp(server).checkToken(null, "application/json"),
                "wrong secret", new DataProvider(server, "demo-dp", "wrong").checkToken("garbage", "application/json"),
                "not a DP", new DataProvider(server, "demo-sp", "demo-sp-secret").checkToken("garbage", "application/json"));
        answers.forEach((what, response) -> {
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), what + " (" + response.statusCode() + ")");
            assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""), what);
        });
        assertEquals(200, answers.get("active JWT").statusCode());
        assertEquals(401, answers.get("wrong secret").statusCode());
    }

    @Test
    void tenThousandAnonymousCallsAddNoTraceRowAndAreCounted(PasserelleServer server) throws Exception {
        int tracesBefore = Traces.all(server).size();
        double counterBefore = counter(server);
        long logBefore = server.logText().lines().count();

        List<DataProvider> strangers = List.of(
                new DataProvider(server, "demo-dp", null),
                new DataProvider(server, "demo-dp", "not-the-secret"),
                new DataProvider(server, "x", "y"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < ANONYMOUS_CALLS; i++) {
                DataProvider stranger = strangers.get(i % strangers.size());
                calls.add(pool.submit(() -> stranger.checkToken("anything", "application/json").statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertEquals(401, call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }

        int tracesAfter = Traces.all(server).size();
        double counterAfter = counter(server);
        // Lines written while serving requests (Quarkus' executor threads); background jobs of this shared server
        // (e.g. the connection-notice sender finding no SMTP server) have nothing to do with these calls.
        List<String> newLog = server.logText().lines().skip(logBefore).filter(l -> l.contains("(executor-thread")).toList();
        System.out.printf("trace rows before %d, after %d anonymous calls: %d; counter %.0f -> %.0f; %d new log lines%n",
                tracesBefore, ANONYMOUS_CALLS, tracesAfter, counterBefore, counterAfter, newLog.size());
        assertEquals(tracesBefore, tracesAfter, "no trace row for anonymous or failed client authentication");
        assertEquals(ANONYMOUS_CALLS, counterAfter - counterBefore, 0.5, "every refused call is counted");
        long refusalLines = newLog.stream().filter(l -> l.contains("checktoken refused")).count();
        assertTrue(refusalLines <= 2, "at most one summary line a minute: " + refusalLines);
        assertTrue(server.logText().contains("checktoken refused"), "refused calls are summed up in the log");
        assertTrue(newLog.size() < 50, "the log does not grow with the calls: " + newLog.size() + " lines, e.g. "
                + newLog.stream().limit(5).toList());

        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.LUCAS);
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
        int beforeAuthenticated = Traces.all(server).size();
        assertTrue(DataProvider.demoDp(server).checkTokenJson(tokens.accessToken()).get("active").asBoolean());
        assertFalse(DataProvider.demoDp(server).checkTokenJson("garbage").get("active").asBoolean());
        List<JsonNode> traces = Traces.all(server);
        List<String> added = Traces.events(traces.subList(0, traces.size() - beforeAuthenticated));
        assertTrue(traces.size() - beforeAuthenticated == 2 && added.contains("checktoken_ok") && added.contains("checktoken_invalid_token"),
                "an authenticated DP's calls are still traced, one row each: " + added);
    }

    /** The refused-calls counter as Keycloak's metrics endpoint shows it (0 before the first refusal). */
    private static double counter(PasserelleServer server) {
        HttpResponse<String> metrics = PartnerCalls.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build());
        assertEquals(200, metrics.statusCode(), "metrics are enabled on the management interface");
        return metrics.body().lines()
                .filter(line -> line.startsWith(METRIC))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
