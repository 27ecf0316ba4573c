package fr.passerelle.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import fr.passerelle.e2e.Browser;
import fr.passerelle.e2e.DemoPeople;
import fr.passerelle.e2e.LoginFlow;
import fr.passerelle.e2e.Page;
import fr.passerelle.e2e.PasserelleServer;
import fr.passerelle.e2e.ServiceProvider;
import fr.passerelle.e2e.Tokens;

/**
 * Complete browser-style brokered logins, as a person and the SP's back end do them: the SP's authorization request
 * (PKCE), the broker's page, the IdP choice, the upstream IdP's login form (the password checked there), back through
 * the broker to the SP with a code, the code redeemed and the ID token verified against the realm's published keys
 * (signature, issuer, audience, nonce). Each login uses a new browser (no SSO cookie anywhere). A returning login
 * is by someone the realm already knows; a first login is by someone new, whom the realm creates.
 */
final class LoginBenchmark {

    static final String RETURNING = "returning";
    static final String FIRST = "first";
    /** {@code benchmark.login.hint}: the SP's request names the IdP, in every realm (default: the person picks it). */
    static final boolean HINT = Boolean.getBoolean("benchmark.login.hint");

    private final PasserelleServer server;
    private ServerProcess process;
    private final Map<String, Realm> realms = new LinkedHashMap<>();
    private final Map<String, JWKSet> keys = new ConcurrentHashMap<>();
    private final String run = letters(System.nanoTime(), 5);
    private final AtomicInteger created = new AtomicInteger();
    private List<String> returning = List.of();

    /** The same benchmark on the server's new process after a restart (same ports, database and realms). */
    LoginBenchmark use(ServerProcess restarted) {
        this.process = restarted;
        return this;
    }

    LoginBenchmark(PasserelleServer server, ServerProcess process) {
        this.server = server;
        this.process = process;
        realms.put("passerelle", new Realm("passerelle", ServiceProvider.demoSp(server), "openid profile birth"));
        realms.put(StockRealms.RS256, new Realm(StockRealms.RS256, StockRealms.serviceProvider(server, StockRealms.RS256), "openid profile"));
        realms.put(StockRealms.ES256, new Realm(StockRealms.ES256, StockRealms.serviceProvider(server, StockRealms.ES256), "openid profile"));
    }

    /** Keeps only the named realms (the others get no traffic at all, not even the preparation's logins). */
    LoginBenchmark only(String... names) {
        realms.keySet().retainAll(List.of(names));
        return this;
    }

    Map<String, Realm> realms() {
        return realms;
    }

    /** People who have logged in once to every realm, for returning logins. */
    LoginBenchmark prepare(int returningPeople) throws Exception {
        returning = UpstreamAccounts.create(server, run + "R", returningPeople);
        for (Realm realm : realms.values()) {
            for (String login : returning) {
                if (!login(realm, login)) {
                    throw new IllegalStateException("first login of " + login + " to " + realm.name() + " failed");
                }
            }
        }
        return this;
    }

    /**
     * Alternating rounds: returning logins for a time, then first logins of new people, per realm. Before them every
     * realm is warmed, unmeasured, with as many returning logins and first logins as one round gives it: the suite's
     * own code runs in `passerelle` logins only, so a short warm-up left it colder than Keycloak's code, which every
     * realm's logins warm.
     */
    Map<String, List<Load.Result>> run(int seconds, int firstLogins, int threads, int rounds, int warmupSeconds) throws Exception {
        Map<String, List<Load.Result>> measured = new LinkedHashMap<>();
        List<String> warmupNewcomers = UpstreamAccounts.create(server, run + "W", firstLogins * realms.size());
        AtomicInteger nextNewcomer = new AtomicInteger();
        for (Realm realm : realms.values()) {
            AtomicInteger next = new AtomicInteger();
            Load.forSeconds(warmupSeconds, threads, () -> login(realm, returning.get(next.getAndIncrement() % returning.size())), process);
            Load.forCalls(firstLogins, threads, () -> login(realm, warmupNewcomers.get(nextNewcomer.getAndIncrement())), process);
        }
        for (int round = 1; round <= rounds; round++) {
            List<String> newcomers = UpstreamAccounts.create(server, run + "F" + round, firstLogins);
            // Each round starts with another realm, so that a server still warming up does not always hit the same one.
            List<Realm> order = new ArrayList<>(realms.values());
            java.util.Collections.rotate(order, -(round - 1));
            for (Realm realm : order) {
                AtomicInteger next = new AtomicInteger();
                Load.Result result = Load.forSeconds(seconds, threads,
                        () -> login(realm, returning.get(next.getAndIncrement() % returning.size())), process);
                measured.computeIfAbsent(realm.name() + " " + RETURNING, k -> new ArrayList<>()).add(result);
                System.out.printf("round %d  %-30s %s%n", round, realm.name() + " " + RETURNING, result);
            }
            for (Realm realm : order) {
                AtomicInteger next = new AtomicInteger();
                Load.Result result = Load.forCalls(newcomers.size(), threads, () -> login(realm, newcomers.get(next.getAndIncrement())), process);
                measured.computeIfAbsent(realm.name() + " " + FIRST, k -> new ArrayList<>()).add(result);
                System.out.printf("round %d  %-30s %s%n", round, realm.name() + " " + FIRST, result);
            }
        }
        return measured;
    }

    /** Returning logins to one realm, for the profiler. */
    Load.Result returningLoad(String realm, int seconds, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return Load.forSeconds(seconds, threads, () -> login(realms.get(realm), returning.get(next.getAndIncrement() % returning.size())), process);
    }

    /** First logins to one realm of {@code count} people new to it, for the profiler. */
    Load.Result firstLoad(String realm, int count, int threads) throws Exception {
        List<String> newcomers = UpstreamAccounts.create(server, run + "P" + created.incrementAndGet(), count);
        AtomicInteger next = new AtomicInteger();
        return Load.forCalls(newcomers.size(), threads, () -> login(realms.get(realm), newcomers.get(next.getAndIncrement())), process);
    }

    /** The browser's requests of one login (METHOD path), the code's redemption by the SP's back end not included. */
    List<String> requestsOf(String realm, String login) throws Exception {
        Browser browser = LoginFlow.newBrowser();
        if (!login(realms.get(realm), login, browser)) {
            throw new IllegalStateException("login of " + login + " to " + realm + " failed");
        }
        return browser.requestsSent();
    }

    /** A person the upstream IdP knows and no realm does yet. */
    String newcomer() throws Exception {
        return UpstreamAccounts.create(server, run + "N" + created.incrementAndGet(), 1).get(0);
    }

    String returningPerson() {
        return returning.get(0);
    }

    /** The i-th of the people every realm knows (cycling). */
    String returningPerson(int i) {
        return returning.get(Math.floorMod(i, returning.size()));
    }

    /** People the upstream IdP knows and no realm does yet. */
    List<String> newcomers(int count) throws Exception {
        return UpstreamAccounts.create(server, run + "M" + created.incrementAndGet(), count);
    }

    /** One complete login to the named realm. */
    boolean login(String realm, String login) throws Exception {
        return login(realms.get(realm), login);
    }

    /** One complete login; true when the SP ends up with a verified ID token. */
    boolean login(Realm realm, String login) throws Exception {
        return login(realm, login, LoginFlow.newBrowser());
    }

    private boolean login(Realm realm, String login, Browser browser) throws Exception {
        ServiceProvider.Authorization authorization = realm.sp().authorize(realm.scope());
        Page page;
        if (HINT) {
            // The SP names the IdP (kc_idp_hint), as real SPs may: no IdP choice page in any realm.
            Page idpLogin = browser.open(authorization.with("kc_idp_hint", DemoPeople.MARIE_IMPOTS.idp()).url());
            page = LoginFlow.signInAtIdp(browser, idpLogin, login, DemoPeople.PASSWORD);
        } else {
            page = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS.idp(), login);
        }
        if (page.has("#passerelle-consent-form")) {
            page = browser.submit(page, "#passerelle-consent-form", Map.of("accept", ""));
        }
        Tokens tokens = authorization.redeem(page);
        return verified(realm, tokens.rawIdToken(), authorization.nonce());
    }

    private boolean verified(Realm realm, String idToken, String nonce) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        JWKSet set = keys.computeIfAbsent(realm.name(), r -> {
            try {
                return JWKSet.load(URI.create(server.realmUrl(r) + "/protocol/openid-connect/certs").toURL());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(set)));
        JWTClaimsSet claims = processor.process(jwt, null);
        return server.realmUrl(realm.name()).equals(claims.getIssuer()) && claims.getAudience().contains(realm.sp().clientId())
                && nonce.equals(claims.getStringClaim("nonce")) && claims.getStringClaim("family_name") != null;
    }

    static String letters(long value, int count) {
        StringBuilder text = new StringBuilder();
        long rest = Math.abs(value);
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + rest % 26));
            rest /= 26;
        }
        return text.toString();
    }

    record Realm(String name, ServiceProvider sp, String scope) {
    }

    /** Accounts at the upstream IdP ({@code idp-impots}), made through the admin API, two at a time. */
    static final class UpstreamAccounts {

        private UpstreamAccounts() {
        }

        static List<String> create(PasserelleServer server, String prefix, int count) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> createOne(server, prefix + letters(n, 4))));
            }
            List<String> logins = new ArrayList<>();
            for (Future<String> future : futures) {
                logins.add(future.get());
            }
            pool.shutdown();
            return logins;
        }

        private static String createOne(PasserelleServer server, String suffix) {
            String login = "bench-" + suffix.toLowerCase();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("given_name", List.of("Camille"));
            attributes.put("family_name", List.of("ESSAI" + suffix));
            attributes.put("birthdate", List.of("1990-02-03"));
            attributes.put("gender", List.of("female"));
            attributes.put("birthplace", List.of("75056"));
            attributes.put("birthcountry", List.of("99100"));
            attributes.put("acr", List.of("eidas1"));
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", login);
            user.put("enabled", true);
            user.put("firstName", "Camille");
            user.put("lastName", "ESSAI" + suffix);
            user.put("email", login + "@example.org");
            user.put("attributes", attributes);
            user.put("credentials", List.of(Map.of("type", "password", "value", DemoPeople.PASSWORD, "temporary", false)));
            server.admin().post("/admin/realms/idp-impots/users", user);
            return login;
        }
    }
}
