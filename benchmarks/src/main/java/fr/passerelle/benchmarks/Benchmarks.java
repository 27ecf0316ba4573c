package fr.passerelle.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.passerelle.e2e.PasserelleServer;
import fr.passerelle.e2e.PasserelleServerExtension;

/**
 * The benchmark command: starts the assembled server (production mode, as the end-to-end tests do), creates the
 * stock-brokering realms beside {@code passerelle}, measures token checks and logins in alternating rounds, profiles
 * the server under the token-check loads with JDK Flight Recorder, and writes the results file. Ratios are taken in
 * one run on one server. Options are system properties (see docs/benchmarks.md).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> phases = Set.of(System.getProperty("benchmark.phases", "tokens,logins").split(","));
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        int threads = Integer.getInteger("benchmark.threads", 16);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        int loginSeconds = Integer.getInteger("benchmark.login.seconds", 15);
        int loginThreads = Integer.getInteger("benchmark.login.threads", 8);
        int firstLogins = Integer.getInteger("benchmark.login.first", 60);
        boolean profile = Boolean.parseBoolean(System.getProperty("benchmark.profile", "true"));
        Path work = Path.of(System.getProperty("passerelle.work.dir"));
        Path results = Path.of(System.getProperty("benchmark.results", work.resolve("benchmarks-results.md").toString()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL);
        String javaHome = System.getProperty("benchmark.server.java.home", "");
        if (!javaHome.isBlank()) {
            env.put("JAVA_HOME", javaHome);
        }
        String javaOptions = System.getProperty("benchmark.server.java.opts", "");
        if (!javaOptions.isBlank()) {
            env.put("JAVA_OPTS_APPEND", javaOptions);
        }

        // The broker sends a connection notice after each login: a real SMTP server takes them, as the demo's does.
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        env.put("PASSERELLE_SMTP_HOST", "127.0.0.1");
        env.put("PASSERELLE_SMTP_PORT", String.valueOf(smtpPort));
        try {
            run(env, phases, javaOptions, work, results, seconds, threads, rounds, loginSeconds, loginThreads, firstLogins, profile, smtp);
        } finally {
            smtp.stop();
        }
    }

    private static void run(Map<String, String> env, Set<String> phases, String javaOptions, Path work, Path results, int seconds,
                            int threads, int rounds, int loginSeconds, int loginThreads, int firstLogins, boolean profile,
                            GreenMail smtp) throws Exception {

        StringBuilder text = new StringBuilder();
        Instant start = Instant.now();
        try (PasserelleServer server = PasserelleServer.start(Path.of(System.getProperty("passerelle.server.home")), work,
                "keycloak-benchmark", env, List.of())) {
            ServerProcess process = ServerProcess.of(server);
            StockRealms.create(server);
            text.append("<!-- written by the benchmark command: mvn -B -Pbenchmark -pl benchmarks -am verify -DskipTests -->\n");
            text.append("# Benchmark results\n\n");
            text.append(String.format("Run of %s on one server (production mode, H2, %s), %d cores shared by the server, the load "
                            + "generator and possibly other sessions' builds on this machine (ratios are taken in one run on one server; absolute "
                            + "rates are low and noisy). Server JVM: %s. Server RSS after start: %.0f MiB.%n",
                    start.truncatedTo(ChronoUnit.SECONDS), "`start --optimized`", Runtime.getRuntime().availableProcessors(),
                    javaVersion(process), process.rssMiB()));
            if (!javaOptions.isBlank()) {
                text.append("Server JVM options appended: `").append(javaOptions).append("`.\n");
            }
            if (phases.contains("tokens")) {
                TokenCheckBenchmark tokens = new TokenCheckBenchmark(server, process).prepare();
                Map<String, List<Load.Result>> measured = tokens.run(seconds, threads, rounds);
                writeTokens(text, measured, seconds, threads, rounds);
                text.append(String.format("%nSigned checktoken answers to the benchmark's DP (`demo-dp`, client secret): `%s`.%n",
                        tokens.signedAnswerAlgorithm()));
                if (profile) {
                    Profiler profiler = new Profiler(process, work.resolve("jfr"));
                    text.append("\n### Where the time goes (JDK Flight Recorder, ").append(seconds).append(" s of each load)\n");
                    for (String name : List.of(TokenCheckBenchmark.STOCK_RS256, TokenCheckBenchmark.PASSERELLE_INTROSPECTION,
                            TokenCheckBenchmark.CHECKTOKEN_SIGNED, TokenCheckBenchmark.CHECKTOKEN_JSON)) {
                        String file = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
                        text.append(profiler.profile(file, () -> tokens.load(name, seconds, threads)));
                    }
                }
                Files.writeString(results, text.toString());
            }
            if (phases.contains("logins")) {
                LoginBenchmark logins = new LoginBenchmark(server, process).prepare(loginThreads * 2);
                Map<String, List<Load.Result>> measured = logins.run(loginSeconds, firstLogins, loginThreads, rounds);
                writeLogins(text, measured, loginSeconds, firstLogins, loginThreads, rounds);
                if (profile) {
                    Profiler profiler = new Profiler(process, work.resolve("jfr"));
                    text.append("\n### Where the time goes in a returning login (JDK Flight Recorder, ").append(loginSeconds).append(" s of each)\n");
                    for (String realm : List.of("passerelle", StockRealms.RS256)) {
                        text.append(profiler.profile("login-" + realm, () -> logins.returningLoad(realm, loginSeconds, loginThreads)));
                    }
                }
            }
            text.append(String.format("%nServer at the end: RSS %.0f MiB, %.0f CPU seconds in all; %d connection notices delivered to "
                            + "the benchmark's SMTP server; run took %d s.%n", process.rssMiB(), process.cpuSeconds(),
                    smtp.getReceivedMessages().length, java.time.Duration.between(start, Instant.now()).toSeconds()));
        }
        Files.writeString(results, text.toString());
        System.out.println(text);
    }

    private static void writeTokens(StringBuilder text, Map<String, List<Load.Result>> measured, int seconds, int threads, int rounds) {
        text.append(String.format("%n## Token checks%n%n%d connections (client threads), %d alternating rounds of %d s per endpoint after a "
                + "warm-up; the median round (by rate) is shown, with every round's rate.%n%n", threads, rounds, seconds));
        text.append("| endpoint | calls/s (median) | rounds | p50 ms | p95 ms | p99 ms | errors | server CPU ms/call |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<Load.Result>> entry : measured.entrySet()) {
            Load.Result median = median(entry.getValue());
            medians.put(entry.getKey(), median.perSecond());
            text.append(String.format("| %s | %.1f | %s | %.2f | %.2f | %.2f | %d | %.2f |%n", entry.getKey(), median.perSecond(),
                    entry.getValue().stream().map(r -> String.format("%.0f", r.perSecond())).collect(Collectors.joining(" / ")),
                    median.p50Millis(), median.p95Millis(), median.p99Millis(),
                    entry.getValue().stream().mapToLong(Load.Result::errors).sum(), median.cpuMsPerCall()));
        }
        double stock = medians.get(TokenCheckBenchmark.STOCK_RS256);
        double stockEs = medians.get(TokenCheckBenchmark.STOCK_ES256);
        text.append("\n| ratio | against stock RS256 | against stock ES256 | target |\n|---|---|---|---|\n");
        ratio(text, TokenCheckBenchmark.CHECKTOKEN_SIGNED, medians, stock, stockEs, 1.0);
        ratio(text, TokenCheckBenchmark.CHECKTOKEN_JSON, medians, stock, stockEs, 1.2);
        ratio(text, TokenCheckBenchmark.PASSERELLE_INTROSPECTION, medians, stock, stockEs, 0.9);
        text.append("\nWithin the passerelle realm (the earlier comparison; the suite's own cost is on both sides):\n\n");
        text.append(String.format("- checktoken (signed JWT) / passerelle introspection with signed JWT: %.2f×%n",
                medians.get(TokenCheckBenchmark.CHECKTOKEN_SIGNED) / medians.get(TokenCheckBenchmark.PASSERELLE_INTROSPECTION_JWT)));
        text.append(String.format("- checktoken (JSON) / passerelle introspection (JSON): %.2f×%n",
                medians.get(TokenCheckBenchmark.CHECKTOKEN_JSON) / medians.get(TokenCheckBenchmark.PASSERELLE_INTROSPECTION)));
        text.append(String.format("- checktoken (signed JWT) / passerelle introspection (JSON): %.2f×%n",
                medians.get(TokenCheckBenchmark.CHECKTOKEN_SIGNED) / medians.get(TokenCheckBenchmark.PASSERELLE_INTROSPECTION)));
    }

    private static void ratio(StringBuilder text, String name, Map<String, Double> medians, double stock, double stockEs, double target) {
        double rs = medians.get(name) / stock;
        double es = medians.get(name) / stockEs;
        text.append(String.format("| %s | **%.2f×** %s | %.2f× %s | ≥ %.1f× |%n", name, rs, rs >= target ? "met" : "not met", es,
                es >= target ? "met" : "not met", target));
    }

    private static void writeLogins(StringBuilder text, Map<String, List<Load.Result>> measured, int seconds, int firstLogins,
                                    int threads, int rounds) {
        text.append(String.format("%n## Brokered logins%n%n%d concurrent browsers, %d alternating rounds: per round and realm, returning "
                + "logins for %d s, then %d first logins of people new to every realm. A login is complete: SP's request (PKCE), broker, "
                + "IdP form (password), broker, code to the SP, code redeemed, ID token verified; a new browser each time. Server CPU is "
                + "in %% of one core (2 cores = 200 %%).%n%n", threads, rounds, seconds, firstLogins));
        text.append("| realm, login | logins/s (median) | rounds | p50 ms | p95 ms | p99 ms | errors | server CPU % | server CPU ms/login | RSS MiB (end of round) |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<Load.Result>> entry : measured.entrySet()) {
            Load.Result median = median(entry.getValue());
            medians.put(entry.getKey(), median.perSecond());
            text.append(String.format("| %s | %.1f | %s | %.0f | %.0f | %.0f | %d | %.0f | %.1f | %.0f |%n", entry.getKey(), median.perSecond(),
                    entry.getValue().stream().map(r -> String.format("%.1f", r.perSecond())).collect(Collectors.joining(" / ")),
                    median.p50Millis(), median.p95Millis(), median.p99Millis(),
                    entry.getValue().stream().mapToLong(Load.Result::errors).sum(), median.cpuPercent(), median.cpuMsPerCall(),
                    entry.getValue().get(entry.getValue().size() - 1).rssMiB()));
        }
        text.append("\n| ratio (passerelle / stock) | against stock RS256 | against stock ES256 | target |\n|---|---|---|---|\n");
        for (String kind : List.of(LoginBenchmark.RETURNING, LoginBenchmark.FIRST)) {
            Double passerelle = medians.get("passerelle " + kind);
            Double stock = medians.get(StockRealms.RS256 + " " + kind);
            Double stockEs = medians.get(StockRealms.ES256 + " " + kind);
            if (passerelle != null && stock != null && stockEs != null) {
                text.append(String.format("| %s logins | **%.2f×** %s | %.2f× %s | ≥ 0.97× |%n", kind, passerelle / stock,
                        passerelle / stock >= 0.97 ? "met" : "not met", passerelle / stockEs, passerelle / stockEs >= 0.97 ? "met" : "not met"));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Load.Result median(List<Load.Result> results) {
        List<Load.Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(Load.Result::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static String javaVersion(ServerProcess process) {
        try {
            Process version = new ProcessBuilder(process.javaCommand().toString(), "-version").redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes());
            version.waitFor();
            return output.lines().findFirst().orElse("?").trim() + " (" + process.javaCommand() + ")";
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
