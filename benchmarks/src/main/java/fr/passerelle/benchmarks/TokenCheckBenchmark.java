package fr.passerelle.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.e2e.Browser;
import fr.passerelle.e2e.DemoPeople;
import fr.passerelle.e2e.Json;
import fr.passerelle.e2e.LoginFlow;
import fr.passerelle.e2e.Page;
import fr.passerelle.e2e.PasserelleServer;
import fr.passerelle.e2e.ServiceProvider;

/**
 * Token checks on one server, in alternating rounds so that any drift of the machine hits all alike: Keycloak's
 * native introspection in the stock-brokering realms (RS256, Keycloak's default, and ES256) and in
 * {@code passerelle}, and {@code checktoken} signed (the default) and JSON. Each is called with a token of Marie's
 * for a client whose tokens name the calling DP in their audience, the DP authenticating with
 * {@code client_secret_basic}.
 */
final class TokenCheckBenchmark {

    static final String STOCK_RS256 = "introspection, stock realm (RS256, Keycloak's default)";
    static final String STOCK_ES256 = "introspection, stock realm set to ES256";
    static final String PASSERELLE_INTROSPECTION = "introspection, passerelle realm (JSON)";
    static final String PASSERELLE_INTROSPECTION_JWT = "introspection, passerelle realm (with signed JWT)";
    static final String CHECKTOKEN_SIGNED = "checktoken (signed JWT, default)";
    static final String CHECKTOKEN_JSON = "checktoken (JSON)";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PasserelleServer server;
    private ServerProcess process;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** The JWS algorithm of the signed checktoken answers the benchmark's DP (demo-dp, client secret) receives. */
    private String signedAnswerAlgorithm = "?";

    /** The same benchmark on the server's new process after a restart (same ports, database and realms). */
    TokenCheckBenchmark use(ServerProcess restarted) {
        this.process = restarted;
        return this;
    }

    TokenCheckBenchmark(PasserelleServer server, ServerProcess process) {
        this.server = server;
        this.process = process;
    }

    /** Gets the tokens and checks that each endpoint answers active for its token. */
    TokenCheckBenchmark prepare() throws Exception {
        String passerelleToken = passerelleTokenForMarie();
        String stockToken = stockTokenForMarie(StockRealms.RS256);
        String stockEs256Token = stockTokenForMarie(StockRealms.ES256);
        String demoDp = basic("demo-dp", "demo-dp-secret-keying-hs256-answers");
        String benchDp = basic(StockRealms.DP, StockRealms.DP_SECRET);
        Predicate<HttpResponse<String>> activeJson = r -> r.statusCode() == 200 && r.body().contains("\"active\":true");
        calls.put(STOCK_RS256, new Call(introspect(StockRealms.RS256), benchDp, "application/json", stockToken, activeJson));
        calls.put(STOCK_ES256, new Call(introspect(StockRealms.ES256), benchDp, "application/json", stockEs256Token, activeJson));
        calls.put(PASSERELLE_INTROSPECTION, new Call(introspect("passerelle"), demoDp, "application/json", passerelleToken, activeJson));
        calls.put(CHECKTOKEN_SIGNED, new Call(server.realmUrl("passerelle") + "/passerelle/checktoken", demoDp, null, passerelleToken,
                r -> r.statusCode() == 200 && r.body().chars().filter(c -> c == '.').count() == 2));
        calls.put(CHECKTOKEN_JSON, new Call(server.realmUrl("passerelle") + "/passerelle/checktoken", demoDp, "application/json",
                passerelleToken, activeJson));
        calls.put(PASSERELLE_INTROSPECTION_JWT, new Call(introspect("passerelle"), demoDp, "application/jwt", passerelleToken,
                r -> r.statusCode() == 200 && r.body().contains("\"jwt\":")));
        for (Map.Entry<String, Call> call : calls.entrySet()) {
            HttpResponse<String> once = call.getValue().send(http);
            if (!call.getValue().ok().test(once)) {
                throw new IllegalStateException(call.getKey() + " does not answer active for its token: " + once.statusCode() + " " + once.body());
            }
            if (call.getKey().equals(CHECKTOKEN_SIGNED)) {
                String header = new String(Base64.getUrlDecoder().decode(once.body().substring(0, once.body().indexOf('.'))),
                        StandardCharsets.UTF_8);
                signedAnswerAlgorithm = Json.parse(header).path("alg").asText("?");
            }
        }
        return this;
    }

    String signedAnswerAlgorithm() {
        return signedAnswerAlgorithm;
    }

    /** Warm-up, then alternating rounds; returns every round's result per endpoint. */
    Map<String, List<Load.Result>> run(int seconds, int threads, int rounds) throws Exception {
        // A warm-up as long as a round for each endpoint: with a third of one, the first round of the first endpoint
        // (the stock realm's) still ran on code the JIT had not compiled yet, at a third of its later rate.
        int warmUp = Integer.getInteger("benchmark.warmup.seconds", seconds);
        for (Call call : calls.values()) {
            Load.forSeconds(Math.max(3, warmUp), threads, () -> call.ok().test(call.send(http)), process);
        }
        Map<String, List<Load.Result>> measured = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Call> entry : calls.entrySet()) {
                Call call = entry.getValue();
                Load.Result result = Load.forSeconds(seconds, threads, () -> call.ok().test(call.send(http)), process);
                measured.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(result);
                System.out.printf("round %d  %-55s %s%n", round, entry.getKey(), result);
            }
        }
        return measured;
    }

    /** Runs one endpoint's load for the profiler. */
    Load.Result load(String name, int seconds, int threads) throws Exception {
        Call call = calls.get(name);
        return Load.forSeconds(seconds, threads, () -> call.ok().test(call.send(http)), process);
    }

    private String introspect(String realm) {
        return server.realmUrl(realm) + "/protocol/openid-connect/token/introspect";
    }

    private String passerelleTokenForMarie() {
        JsonNode demoSp = server.admin().clientByClientId("passerelle", "demo-sp");
        String clientPath = "/admin/realms/passerelle/clients/" + demoSp.get("id").asText();
        ObjectNode longLived = demoSp.deepCopy();
        ((ObjectNode) longLived.get("attributes")).put("access.token.lifespan", "3600");
        server.admin().put(clientPath, longLived);
        // Keycloak's introspection answers active only to a caller in the token's audience: put the DP there.
        server.admin().post(clientPath + "/protocol-mappers/models", Map.of(
                "name", "benchmark: demo-dp in audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", "demo-dp", "access.token.claim", "true", "introspection.token.claim", "true")));
        // The like-for-like comparison for checktoken's signed answer: Keycloak's introspection adding a signed JWT.
        JsonNode demoDp = server.admin().clientByClientId("passerelle", "demo-dp");
        ObjectNode jwtIntrospection = demoDp.deepCopy();
        ((ObjectNode) jwtIntrospection.get("attributes")).put("client.introspection.response.allow.jwt.claim.enabled", "true");
        server.admin().put("/admin/realms/passerelle/clients/" + demoDp.get("id").asText(), jwtIntrospection);
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile birth dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        return authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", ""))).accessToken();
    }

    private String stockTokenForMarie(String realm) {
        ServiceProvider.Authorization authorization = StockRealms.serviceProvider(server, realm).authorize("openid profile");
        Browser browser = LoginFlow.newBrowser();
        Page callback = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        return authorization.redeem(callback).accessToken();
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private record Call(String url, String authorization, String accept, String token, Predicate<HttpResponse<String>> ok) {

        HttpResponse<String> send(HttpClient http) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            if (accept != null) {
                request.header("Accept", accept);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
