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

    /** The phases measured on the one main server; the others start servers of their own. */
    private static final Set<String> MAIN_SERVER_PHASES = Set.of("tokens", "logins", "login-steps", "rate");

    private Benchmarks() {
    }

    private static void append(Path results, StringBuilder more) throws IOException {
        String before = Files.exists(results) ? Files.readString(results) : "";
        Files.writeString(results, before + more);
        System.out.println(more);
        more.setLength(0);
    }

    public static void main(String[] args) throws Exception {
        Set<String> phases = Set.of(System.getProperty("benchmark.phases", "tokens,logins,login-steps,rate,memory,scaling").split(","));
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
            if (phases.stream().anyMatch(MAIN_SERVER_PHASES::contains)) {
                run(env, phases, javaOptions, work, results, seconds, threads, rounds, loginSeconds, loginThreads, firstLogins, profile, smtp);
            }
            StringBuilder more = new StringBuilder();
            if (phases.contains("memory")) {
                more.append(memory(env, work, loginSeconds, loginThreads, firstLogins));
                append(results, more);
            }
            if (phases.contains("scaling")) {
                more.append(scaling(env, work, seconds, threads, loginSeconds, loginThreads));
                append(results, more);
            }
        } finally {
            smtp.stop();
        }
    }

    private static void run(Map<String, String> env, Set<String> phases, String javaOptions, Path work, Path results, int seconds,
                            int threads, int rounds, int loginSeconds, int loginThreads, int firstLogins, boolean profile,
                            GreenMail smtp) throws Exception {

        StringBuilder text = new StringBuilder();
        Instant start = Instant.now();
        try (PasserelleServer server = PasserelleServerExtension.startOwn("keycloak-benchmark", env, List.of())) {
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
            if (phases.contains("login-steps")) {
                LoginBenchmark logins = new LoginBenchmark(server, process).prepare(loginThreads * 2);
                text.append(loginSteps(logins, new Profiler(process, work.resolve("jfr")), loginSeconds, loginThreads, firstLogins));
                Files.writeString(results, text.toString());
            }
            if (phases.contains("logins")) {
                int loginWarmup = Integer.getInteger("benchmark.login.warmup.seconds", loginSeconds);
                LoginBenchmark logins = new LoginBenchmark(server, process).prepare(loginThreads * 2);
                Map<String, List<Load.Result>> measured = logins.run(loginSeconds, firstLogins, loginThreads, rounds, loginWarmup);
                writeLogins(text, measured, loginSeconds, firstLogins, loginThreads, rounds, loginWarmup);
                if (profile) {
                    Profiler profiler = new Profiler(process, work.resolve("jfr"));
                    text.append("\n### Where the time goes in a returning login (JDK Flight Recorder, ").append(loginSeconds).append(" s of each)\n");
                    for (String realm : List.of("passerelle", StockRealms.RS256)) {
                        text.append(profiler.profile("login-" + realm, () -> logins.returningLoad(realm, loginSeconds, loginThreads)));
                    }
                }
            }
            if (phases.contains("rate")) {
                LoginBenchmark logins = new LoginBenchmark(server, process).prepare(loginThreads * 2);
                text.append(sustainedRate(logins, process));
                Files.writeString(results, text.toString());
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
                                    int threads, int rounds, int warmup) {
        text.append(String.format("%n## Brokered logins%n%n%d concurrent browsers, %d alternating rounds: per round and realm, returning "
                + "logins for %d s, then %d first logins of people new to every realm; before the rounds, each realm warmed (unmeasured) "
                + "with %d s of returning logins and %d first logins. A login is complete: SP's request (PKCE), broker, "
                + "IdP form (password), broker, code to the SP, code redeemed, ID token verified; a new browser each time. Server CPU is "
                + "in %% of one core (2 cores = 200 %%).%n%n", threads, rounds, seconds, firstLogins, warmup, firstLogins));
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

    /**
     * The round trips of each flow, then returning and first logins in {@code passerelle} and in the stock realm,
     * each under JDK Flight Recorder, compared step by step with the upstream password check set apart.
     */
    static String loginSteps(LoginBenchmark logins, Profiler profiler, int seconds, int threads, int firstLogins) throws Exception {
        StringBuilder text = new StringBuilder();
        text.append("\n## Where a login's time goes, step by step\n\n");
        text.append(LoginBenchmark.HINT ? "The SPs name the IdP in their request (`kc_idp_hint`): no choice page in any realm.\n\n"
                : "No IdP hint: the person picks the IdP on the broker's page in every realm.\n\n");
        text.append("Round trips: the browser's requests of one login (the SP's code redemption, one more request from its back end, "
                + "not counted), by realm and kind; `upstream` is the IdP's realm.\n\n");
        text.append("| realm, login | requests | to the broker's realm | to the upstream IdP | to the SP | the requests |\n|---|---|---|---|---|---|\n");
        for (String realm : List.of("passerelle", StockRealms.RS256)) {
            for (String kind : List.of(LoginBenchmark.RETURNING, LoginBenchmark.FIRST)) {
                List<String> requests = logins.requestsOf(realm, kind.equals(LoginBenchmark.FIRST) ? logins.newcomer() : logins.returningPerson());
                long broker = requests.stream().filter(r -> r.contains("/realms/" + realm + "/")).count();
                long upstream = requests.stream().filter(r -> r.contains("/realms/idp-impots/")).count();
                text.append(String.format("| %s %s | %d | %d | %d | %d | %s |%n", realm, kind, requests.size(), broker, upstream,
                        requests.size() - broker - upstream, requests.stream()
                                .map(r -> r.replaceAll("/realms/([^/]+)/", "/$1/").replaceAll("/protocol/openid-connect/", "/oidc/"))
                                .map(r -> "`" + r + "`").collect(Collectors.joining(" → "))));
            }
        }
        // The warm-up runs under a first recording, left aside: the first recording of a JVM starts Flight Recorder itself,
        // whose cost would otherwise fall on the first realm profiled.
        for (String realm : List.of("passerelle", StockRealms.RS256)) {
            System.out.printf("warm-up %s: %s%n", realm, profiler.recorded("warm-up-" + realm,
                    () -> logins.returningLoad(realm, Math.max(5, seconds / 2), threads)).result());
        }
        for (String kind : List.of(LoginBenchmark.RETURNING, LoginBenchmark.FIRST)) {
            Map<String, LoginSteps.Breakdown> breakdowns = new LinkedHashMap<>();
            for (String realm : List.of("passerelle", StockRealms.RS256)) {
                Profiler.Recorded<Load.Result> recorded = profiler.recorded("login-" + kind + "-" + realm, () -> kind.equals(LoginBenchmark.RETURNING)
                        ? logins.returningLoad(realm, seconds, threads) : logins.firstLoad(realm, firstLogins, threads));
                System.out.printf("profiled %s %s: %s%n", realm, kind, recorded.result());
                breakdowns.put(realm, LoginSteps.read(recorded.file(), recorded.result().cpuMsPerCall()));
                text.append(String.format("%n%s %s logins under the profiler: %s%n", realm, kind, recorded.result()));
            }
            text.append(LoginSteps.compare(kind + " logins", "passerelle", breakdowns.get("passerelle"), StockRealms.RS256,
                    breakdowns.get(StockRealms.RS256)));
        }
        return text.toString();
    }

    /**
     * The highest login rate sustained with p99 under 1 s, 80 % returning and 20 % first logins, in both realms: the
     * realms take turns at each rate (so that the server's warming up and any drift of the machine hit both alike),
     * and a realm leaves the steps at its first rate not sustained.
     */
    static String sustainedRate(LoginBenchmark logins, ServerProcess process) throws Exception {
        double start = Double.parseDouble(System.getProperty("benchmark.rate.start", "4"));
        double increment = Double.parseDouble(System.getProperty("benchmark.rate.step", "2"));
        int maxSteps = Integer.getInteger("benchmark.rate.steps", 10);
        int stepSeconds = Integer.getInteger("benchmark.rate.seconds", 20);
        List<String> realms = List.of("passerelle", StockRealms.RS256);
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n## Sustained login rate%n%nOpen-loop arrivals (a login starts every 1/rate s whatever the server "
                + "answers; latency counted from the scheduled start, so a queue shows), 80 %% returning and 20 %% first logins, %d s a step, "
                + "from %.0f /s up by %.0f /s until p99 ≥ 1 s or an error (at most %d steps); at each rate the realms take turns. %s%n%n",
                stepSeconds, start, increment, maxSteps, LoginBenchmark.HINT ? "The SPs name the IdP (`kc_idp_hint`)." : "No IdP hint: the person "
                        + "picks the IdP on the broker's page."));
        text.append("| realm | offered /s | done /s | p50 ms | p95 ms | p99 ms | errors | server CPU % | CPU ms/login | sustained |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, Boolean> going = new LinkedHashMap<>();
        int warmup = Integer.getInteger("benchmark.rate.warmup", 30);
        for (String realm : realms) {
            going.put(realm, true);
            // Warms the realm's path (a young server's compiler is still at work) before the steps count.
            logins.returningLoad(realm, warmup, 8);
            SustainedRate.openLoop(logins, realm, start, 10, 0.2, process);
        }
        for (int i = 0; i < maxSteps && going.containsValue(true); i++) {
            double rate = start + i * increment;
            for (String realm : realms) {
                if (!going.get(realm)) {
                    continue;
                }
                Load.Result r = SustainedRate.openLoop(logins, realm, rate, stepSeconds, 0.2, process);
                boolean sustained = r.p99Millis() < 1000 && r.errors() == 0;
                System.out.printf("rate %-12s %5.1f /s offered: %s%s%n", realm, rate, r, sustained ? "" : "  (not sustained)");
                text.append(String.format("| %s | %.0f | %.1f | %.0f | %.0f | %.0f | %d | %.0f | %.1f | %s |%n", realm, rate, r.perSecond(),
                        r.p50Millis(), r.p95Millis(), r.p99Millis(), r.errors(), r.cpuPercent(), r.cpuMsPerCall(), sustained ? "yes" : "**no**"));
                if (sustained) {
                    best.put(realm, rate);
                } else {
                    going.put(realm, false);
                }
            }
        }
        text.append("\n");
        for (String realm : realms) {
            text.append(String.format("- %s: highest sustained rate **%s** logins/s%s%n", realm,
                    best.containsKey(realm) ? String.format("%.0f", best.get(realm)) : "below " + String.format("%.0f", start),
                    going.get(realm) ? " (the last step; the limit is higher)" : ""));
        }
        if (best.containsKey("passerelle") && best.containsKey(StockRealms.RS256)) {
            text.append(String.format("- ratio passerelle / stock: %.2f× (each rate within one step of %.0f /s)%n",
                    best.get("passerelle") / best.get(StockRealms.RS256), increment));
        }
        return text.toString();
    }

    /**
     * How the cost of a checktoken call and of a login changes with the number of stored accounts and traces in the
     * {@code passerelle} realm: a server of its own, filled in bulk while stopped (see {@link Seeding}) to each size
     * of {@code benchmark.scaling.sizes}, measured after each restart.
     */
    static String scaling(Map<String, String> env, Path work, int seconds, int threads, int loginSeconds, int loginThreads) throws Exception {
        List<Integer> sizes = java.util.Arrays.stream(System.getProperty("benchmark.scaling.sizes", "1000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int firstLogins = Integer.getInteger("benchmark.scaling.first", 40);
        int warmup = Integer.getInteger("benchmark.scaling.warmup", 30);
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n## Scaling with stored accounts and traces%n%nA server of its own; before each size the server is "
                + "stopped and the `passerelle` realm's tables are filled in bulk to that many accounts (each with its identity key, subject "
                + "key, six claims, IdP link and identity-key row) and as many trace rows, then restarted. At each size, after %d s of warm-up of each load: `checktoken` "
                + "signed, %d connections, %d s; returning logins, %d browsers, %d s; %d first logins.%n%n", warmup, threads, seconds, loginThreads,
                loginSeconds, firstLogins));
        text.append("| stored accounts / traces (seeded) | seeding s | checktoken /s | p99 ms | CPU ms/call | returning logins /s | p99 ms "
                + "| CPU ms/login | first logins /s | p99 ms | CPU ms/login | errors | table rows after seeding |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        PasserelleServer server = PasserelleServerExtension.startOwn("keycloak-benchmark-scaling", env, List.of("--db-username=" + Seeding.DB_USER, "--db-password=" + Seeding.DB_PASSWORD));
        try {
            ServerProcess process = ServerProcess.of(server);
            StockRealms.create(server);
            TokenCheckBenchmark tokens = new TokenCheckBenchmark(server, process).prepare();
            LoginBenchmark logins = new LoginBenchmark(server, process).prepare(loginThreads * 2);
            int seeded = 0;
            for (int size : sizes) {
                server.close();
                long begin = System.nanoTime();
                List<String> rows = Seeding.seed(server.home(), "passerelle", "impots", size - seeded, size - seeded);
                double seedingSeconds = (System.nanoTime() - begin) / 1e9;
                seeded = size;
                server = server.restart();
                process = ServerProcess.of(server);
                tokens.use(process);
                logins.use(process);
                // A restarted server compiles its hot paths again: each load is warmed before it counts.
                tokens.load(TokenCheckBenchmark.CHECKTOKEN_SIGNED, warmup, threads);
                logins.returningLoad("passerelle", warmup, loginThreads);
                Load.Result check = tokens.load(TokenCheckBenchmark.CHECKTOKEN_SIGNED, seconds, threads);
                Load.Result returning = logins.returningLoad("passerelle", loginSeconds, loginThreads);
                Load.Result first = logins.firstLoad("passerelle", firstLogins, loginThreads);
                System.out.printf("scaling %,d: checktoken %s%n  returning %s%n  first %s%n", size, check, returning, first);
                text.append(String.format("| %,d | %.0f | %.0f | %.0f | %.2f | %.1f | %.0f | %.0f | %.1f | %.0f | %.0f | %d | %s |%n", size, seedingSeconds,
                        check.perSecond(), check.p99Millis(), check.cpuMsPerCall(), returning.perSecond(), returning.p99Millis(),
                        returning.cpuMsPerCall(), first.perSecond(), first.p99Millis(), first.cpuMsPerCall(),
                        check.errors() + returning.errors() + first.errors(), String.join(", ", rows)));
            }
            server.close();
            text.append("\nIndexes of the suite's own tables (as the database lists them after the run):\n\n");
            for (String index : Seeding.suiteIndexes(server.home())) {
                text.append("- ").append(index).append("\n");
            }
        } finally {
            server.close();
        }
        return text.toString();
    }

    /**
     * The server's memory with and without the suite's realm traffic: two servers started alike, one after the other;
     * the first gets stock-realm logins only, the second the same stock-realm logins and as many in {@code passerelle};
     * RSS and the heap in use after a full collection at the end of each.
     */
    static String memory(Map<String, String> env, Path work, int seconds, int threads, int firstLogins) throws Exception {
        int rounds = Integer.getInteger("benchmark.memory.rounds", 2);
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n## Memory with and without the suite's realm traffic%n%nTwo servers started alike (same options, "
                + "fresh database), one after the other. Both get the same stock-realm traffic: %d rounds of returning logins for %d s "
                + "(%d browsers) and %d first logins. The second also gets the same in `passerelle`, round by round. At the end: RSS, "
                + "and the heap in use after a full collection (`jcmd GC.run`, `GC.heap_info`).%n%n", rounds, seconds, threads, firstLogins));
        text.append("| server | logins (stock / passerelle) | RSS at start MiB | RSS at the end MiB | heap after full GC MiB |\n|---|---|---|---|---|\n");
        double[] rss = new double[2];
        double[] heap = new double[2];
        for (int variant = 0; variant < 2; variant++) {
            boolean suite = variant == 1;
            try (PasserelleServer server = PasserelleServerExtension.startOwn("keycloak-benchmark-memory", env, List.of())) {
                ServerProcess process = ServerProcess.of(server);
                double atStart = process.rssMiB();
                StockRealms.create(server);
                LoginBenchmark logins = suite ? new LoginBenchmark(server, process).only("passerelle", StockRealms.RS256)
                        : new LoginBenchmark(server, process).only(StockRealms.RS256);
                logins.prepare(threads * 2);
                long stockLogins = 0;
                long suiteLogins = 0;
                for (int round = 0; round < rounds; round++) {
                    stockLogins += logins.returningLoad(StockRealms.RS256, seconds, threads).calls();
                    stockLogins += logins.firstLoad(StockRealms.RS256, firstLogins, threads).calls();
                    if (suite) {
                        suiteLogins += logins.returningLoad("passerelle", seconds, threads).calls();
                        suiteLogins += logins.firstLoad("passerelle", firstLogins, threads).calls();
                    }
                }
                rss[variant] = process.rssMiB();
                heap[variant] = process.heapAfterGcMiB();
                text.append(String.format("| %s | %d / %d | %.0f | %.0f | %.0f |%n", suite ? "stock + passerelle traffic" : "stock traffic only",
                        stockLogins, suiteLogins, atStart, rss[variant], heap[variant]));
            }
        }
        text.append(String.format("%nRSS with the suite's traffic / without: **%.2f×** (target ≤ 1.10×: %s); heap after full GC: %.2f×.%n",
                rss[1] / rss[0], rss[1] / rss[0] <= 1.10 ? "met" : "not met", heap[1] / heap[0]));
        return text.toString();
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
