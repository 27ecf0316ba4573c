package fr.passerelle.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.e2e.Browser;
import fr.passerelle.e2e.DemoPeople;
import fr.passerelle.e2e.LoginFlow;
import fr.passerelle.e2e.Page;
import fr.passerelle.e2e.PasserelleServer;
import fr.passerelle.e2e.PasserelleServerExtension;
import fr.passerelle.e2e.ServiceProvider;

/**
 * checktoken against Keycloak's own token introspection, in one run on the same server: same access token,
 * same DP client authentication (client_secret_basic), same concurrency, alternating rounds so that any
 * drift of the machine hits both alike. Writes calls per second and p50/p99 latency.
 */
public final class CheckTokenBenchmark {

    private static final int MAX_CALLS_PER_THREAD = 2_000_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString("demo-dp:demo-dp-secret".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int threads = Integer.getInteger("benchmark.threads", 8);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        Path results = Path.of(System.getProperty("benchmark.results", "target/benchmarks-results.md"));
        try (PasserelleServer server = PasserelleServer.start(Path.of(System.getProperty("passerelle.server.home")),
                Path.of(System.getProperty("passerelle.work.dir")), Map.of("PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL), List.of())) {
            new CheckTokenBenchmark().run(server, seconds, threads, rounds, results);
        }
    }

    private void run(PasserelleServer server, int seconds, int threads, int rounds, Path results) throws Exception {
        String token = accessTokenForMarie(server);
        String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("checktoken (signed JWT, default)", new Variant(server.realmUrl("passerelle") + "/passerelle/checktoken", null,
                response -> response.statusCode() == 200 && response.body().chars().filter(c -> c == '.').count() == 2));
        variants.put("checktoken (JSON)", new Variant(server.realmUrl("passerelle") + "/passerelle/checktoken", "application/json",
                response -> response.statusCode() == 200 && response.body().contains("\"active\":true")));
        variants.put("Keycloak token introspection (JSON)", new Variant(
                server.realmUrl("passerelle") + "/protocol/openid-connect/token/introspect", "application/json",
                response -> response.statusCode() == 200 && response.body().contains("\"active\":true")));
        variants.put("Keycloak token introspection (with signed JWT)", new Variant(
                server.realmUrl("passerelle") + "/protocol/openid-connect/token/introspect", "application/jwt",
                response -> response.statusCode() == 200 && response.body().contains("\"jwt\":")));
        for (Map.Entry<String, Variant> variant : variants.entrySet()) {
            HttpResponse<String> once = send(variant.getValue(), body);
            if (!variant.getValue().ok().test(once)) {
                throw new IllegalStateException(variant.getKey() + " does not answer active for the token: " + once.statusCode() + " " + once.body());
            }
            measure(variant.getValue(), body, Math.max(3, seconds / 4), threads);
        }
        Map<String, List<Result>> measured = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Variant> variant : variants.entrySet()) {
                Result result = measure(variant.getValue(), body, seconds, threads);
                measured.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(result);
                System.out.printf("round %d  %-40s %8.1f calls/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                        round + 1, variant.getKey(), result.perSecond(), result.p50Millis(), result.p99Millis(), result.errors());
            }
        }
        write(results, measured, seconds, threads, rounds);
    }

    private String accessTokenForMarie(PasserelleServer server) {
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

    private Result measure(Variant variant, String body, int seconds, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Instant end = Instant.now().plusSeconds(seconds);
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (count < MAX_CALLS_PER_THREAD && Instant.now().isBefore(end)) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(variant, body);
                    long elapsed = System.nanoTime() - start;
                    if (!variant.ok().test(response)) {
                        errors[thread]++;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[count++] = elapsed;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> perThread = new ArrayList<>();
        for (Future<long[]> future : futures) {
            perThread.add(future.get());
        }
        pool.shutdown();
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length / (double) seconds, percentile(all, 0.50), percentile(all, 0.99), Arrays.stream(errors).sum());
    }

    private HttpResponse<String> send(Variant variant, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(variant.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (variant.accept() != null) {
            request.header("Accept", variant.accept());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
    }

    private static void write(Path file, Map<String, List<Result>> measured, int seconds, int threads, int rounds) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("<!-- written by: mvn -B -Pbenchmark -pl benchmarks -am verify -DskipTests -->\n");
        text.append("Run ").append(Instant.now()).append(", ").append(threads).append(" client threads, ").append(rounds)
                .append(" alternating rounds of ").append(seconds).append(" s per endpoint, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared by server and client.\n\n");
        text.append("| endpoint | calls/s (median of rounds) | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<Result>> entry : measured.entrySet()) {
            List<Result> results = new ArrayList<>(entry.getValue());
            results.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
            Result median = results.get(results.size() / 2);
            medians.put(entry.getKey(), median.perSecond());
            long errors = entry.getValue().stream().mapToLong(Result::errors).sum();
            text.append(String.format("| %s | %.1f | %.2f | %.2f | %d |%n", entry.getKey(), median.perSecond(), median.p50Millis(),
                    median.p99Millis(), errors));
        }
        double introspection = medians.get("Keycloak token introspection (JSON)");
        double signedIntrospection = medians.get("Keycloak token introspection (with signed JWT)");
        text.append("\n");
        text.append(String.format("- checktoken (signed JWT) / Keycloak introspection (with signed JWT): %.2f×%n",
                medians.get("checktoken (signed JWT, default)") / signedIntrospection));
        for (Map.Entry<String, Double> entry : medians.entrySet()) {
            if (!entry.getKey().startsWith("Keycloak")) {
                text.append(String.format("- %s / Keycloak introspection (JSON): %.2f× (target ≥ 0.90×)%n", entry.getKey(), entry.getValue() / introspection));
            }
        }
        Files.writeString(file, text.toString());
        System.out.println(text);
    }

    private record Variant(String url, String accept, Predicate<HttpResponse<String>> ok) {
    }

    private record Result(double perSecond, double p50Millis, double p99Millis, long errors) {
    }
}
