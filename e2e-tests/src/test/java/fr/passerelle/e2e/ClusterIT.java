package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scale (docs/reference.md, section 9) on loopback: two broker nodes built with the production options ({@code docker/keycloak.conf}),
 * one fresh PostgreSQL database, one public URL (a round-robin load balancer). One person's story, step by
 * step, across both nodes, a crash of node 1 and its return. Needs a PostgreSQL server (see {@code .ci/postgres});
 * skipped without one, except in CI ({@code CI=true}) or with {@code passerelle.cluster.required=true}.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String REALM = "passerelle";
    private static final String SCOPES = "openid profile birth";
    private static final String WALLET_IDP = "eudi-wallet";
    private static final String SUB_FORMAT = "[0-9a-f]{64}v1";
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(90);

    private static final Map<String, Duration> timings = new LinkedHashMap<>();
    private static final List<String> observations = new ArrayList<>();
    private static Instant started;
    private static PostgresDatabase database;
    private static LoadBalancer balancer;
    private static ClusterNode node1;
    private static ClusterNode node2;
    private static ServiceProvider sp;
    /** The realm's SMTP server: the connection notices of every login on either node arrive here. */
    private static Mailbox mailbox;

    /** Shared by the steps: Marie's browser (with her SSO session), her tokens and her sub. */
    private static Browser marieBrowser;
    private static Tokens marieTokens;
    private static String marieSub;

    @BeforeAll
    static void startCluster() throws Exception {
        started = Instant.now();
        database = freshDatabase();
        Path work = Path.of(required("passerelle.work.dir"));
        Instant step = Instant.now();
        Path distribution = ClusterNode.buildDistribution(Path.of(required("passerelle.server.home")), work.resolve("keycloak-cluster"),
                Path.of(required("passerelle.cluster.options")), work.resolve("keycloak-cluster-build.log"));
        time("kc.sh build of the cluster distribution (docker/keycloak.conf)", step);

        int publicPort = PasserelleServer.freePort();
        String publicUrl = "http://127.0.0.1:" + publicPort;
        node1 = ClusterNode.prepare("node-1", distribution, work, database, publicUrl, true);
        node2 = ClusterNode.prepare("node-2", distribution, work, database, publicUrl, false);
        mailbox = new Mailbox();
        node1.environment("PASSERELLE_SMTP_PORT", String.valueOf(mailbox.smtpPort()));
        node2.environment("PASSERELLE_SMTP_PORT", String.valueOf(mailbox.smtpPort()));
        balancer = LoadBalancer.start(publicPort, List.of(node1.baseUrl(), node2.baseUrl()));
        sp = new ServiceProvider(publicUrl, REALM, "demo-sp", "demo-sp-secret");

        step = Instant.now();
        node1.start();
        time("node 1 ready (schema created, realms imported)", step);
        step = Instant.now();
        node2.start();
        time("node 2 ready", step);
    }

    @Test
    @Order(1)
    void bothNodesFormOneClusterDiscoveredThroughTheDatabase() {
        Instant step = Instant.now();
        node1.awaitClusterView(2, VIEW_TIMEOUT);
        node2.awaitClusterView(2, VIEW_TIMEOUT);
        time("cluster view of 2 members on both nodes", step);
        observe("node 1: " + node1.lastClusterView());
        observe("node 2: " + node2.lastClusterView());

        List<String> pings = database.column("SELECT name FROM jgroups_ping");
        assertTrue(pings.size() >= 2, "both nodes registered in JGROUPS_PING: " + pings);
        observe("JGROUPS_PING rows: " + pings);
    }

    @Test
    @Order(2)
    void aLoginStartedOnNodeOneFinishesOnNodeTwo() {
        Instant step = Instant.now();
        marieBrowser = LoginFlow.newBrowser();
        ServiceProvider.Authorization authorization = sp.authorize(SCOPES);
        balancer.takeServed();

        balancer.pin(1);
        Page choice = marieBrowser.open(authorization.url());
        List<LoadBalancer.Served> start = balancer.takeServed();
        balancer.alternate();
        Page idpLogin = LoginFlow.chooseIdp(marieBrowser, choice, DemoPeople.MARIE_IMPOTS.idp());
        List<LoadBalancer.Served> middle = balancer.takeServed();
        balancer.pin(2);
        Page callback = LoginFlow.signInAtIdp(marieBrowser, idpLogin, DemoPeople.MARIE_IMPOTS.login(), DemoPeople.PASSWORD);
        List<LoadBalancer.Served> end = balancer.takeServed();
        balancer.alternate();

        assertTrue(callback.isClientRedirect(), "back to the SP: " + callback.uri() + "\n" + callback.text());
        assertEquals(1, start.get(0).node(), "the authorization request reached node 1: " + start);
        assertTrue(start.get(0).path().endsWith("/realms/passerelle/protocol/openid-connect/auth"), start.toString());
        assertEquals(Set.of(1, 2), nodes(middle), "the IdP choice and the IdP's pages were spread over both nodes: " + middle);
        assertTrue(end.stream().anyMatch(s -> s.node() == 2 && s.path().equals("/realms/passerelle/broker/impots/endpoint")),
                "node 2 completed the brokered login: " + end);
        assertEquals(Set.of(2), nodes(end));

        marieTokens = authorization.redeemAt(node2.baseUrl(), callback);
        marieSub = marieTokens.idToken().get("sub").toString();
        assertTrue(marieSub.matches(SUB_FORMAT), marieSub);
        time("login across both nodes, code redeemed on node 2", step);
        observe("login: node 1 served " + describe(start) + "; both nodes served " + describe(middle)
                + "; node 2 served " + describe(end) + "; code redeemed on node 2");
    }

    @Test
    @Order(3)
    void theSubIsTheSameFromBothNodes() {
        Instant step = Instant.now();
        assertEquals(marieSub, Userinfo.fetch(node1.realmUrl(REALM), marieTokens.accessToken()).get("sub").asText(), "userinfo on node 1");
        assertEquals(marieSub, Userinfo.fetch(node2.realmUrl(REALM), marieTokens.accessToken()).get("sub").asText(), "userinfo on node 2");

        balancer.pin(1);
        String onNode1 = signIn(DemoPeople.MARIE_IMPOTS, node1);
        balancer.pin(2);
        String onNode2 = signIn(DemoPeople.MARIE_IMPOTS, node2);
        balancer.alternate();
        assertEquals(marieSub, onNode1, "a login entirely on node 1");
        assertEquals(marieSub, onNode2, "a login entirely on node 2");

        List<String> secrets = database.column("SELECT server_config_key FROM server_config WHERE server_config_key LIKE 'passerelle.%' ORDER BY 1");
        assertEquals(List.of("passerelle.identity-key-secret.v1", "passerelle.platform-secret.v1"), secrets,
                "one sub secret and one identity-key secret, in the shared database");
        observe("SERVER_CONFIG keys: " + database.column("SELECT server_config_key FROM server_config ORDER BY 1"));
        time("same sub from both nodes", step);
        observe("sub " + abbreviate(marieSub) + " from userinfo on both nodes and from logins pinned to each node; "
                + "each platform secret is one row of SERVER_CONFIG");
    }

    /**
     * The wallet's calls (the request object, then the encrypted answer) reach node 2 while the browser that
     * started the login stays on node 1: the pending request and the outcome live in the cluster-wide store.
     */
    @Test
    @Order(4)
    void aWalletAnswerReachingNodeTwoCompletesTheLoginStartedOnNodeOne() {
        Instant step = Instant.now();
        WalletHolder holder = new WalletHolder();
        WalletTrust trust = WalletTrust.get(Path.of(required("passerelle.work.dir")));
        try (WalletStatusList statusList = WalletStatusList.start(holder, trust, 16, 9)) {
            balancer.takeServed();
            balancer.pin(1);
            ServiceProvider.Authorization authorization = sp.authorize("openid amr");
            Browser browser = LoginFlow.newBrowser();
            Page walletPage = LoginFlow.chooseIdp(browser, browser.open(authorization.url()), WALLET_IDP);
            String link = walletPage.document().selectFirst("#passerelle-wallet-same-device").attr("href");
            List<LoadBalancer.Served> started = balancer.takeServed();

            balancer.pin(2);
            com.fasterxml.jackson.databind.node.ObjectNode command = Json.MAPPER.createObjectNode().put("command", "present")
                    .put("allowInsecureUrls", true).put("url", link).put("issuerKey", trust.trusted().keyPem())
                    .put("statusUri", statusList.uri()).put("statusIdx", 2);
            trust.trusted().x5c().forEach(command.putArray("x5c")::add);
            command.set("claims", Json.MAPPER.valueToTree(Map.of("family_name", "Jansen", "given_name", "Sanne", "birthdate", "1988-09-09",
                    "issuing_country", "NL", "personal_administrative_number", "NL-CLUSTER-1")));
            JsonNode submission = holder.run(command).get("submissions").get(0);
            List<LoadBalancer.Served> wallet = balancer.takeServed();

            balancer.pin(1);
            assertEquals(200, submission.get("status").asInt(), submission.toString());
            Page callback = browser.open(submission.get("body").get("redirect_uri").asText());
            List<LoadBalancer.Served> completed = balancer.takeServed();
            balancer.alternate();

            assertTrue(callback.isClientRedirect(), "back to the SP: " + callback.uri() + "\n" + callback.text());
            assertEquals(Set.of(1), nodes(started), "node 1 served the choice and the wallet page: " + started);
            assertTrue(wallet.stream().anyMatch(s -> s.path().contains("/broker/" + WALLET_IDP + "/endpoint/request/")), wallet.toString());
            assertTrue(wallet.stream().anyMatch(s -> s.path().contains("/broker/" + WALLET_IDP + "/endpoint/response/")), wallet.toString());
            assertEquals(Set.of(2), nodes(wallet), "node 2 served the wallet's calls: " + wallet);
            assertEquals(Set.of(1), nodes(completed), "node 1 completed the login: " + completed);
            JsonNode idToken = Json.MAPPER.valueToTree(authorization.redeemAt(node1.baseUrl(), callback).idToken());
            assertEquals("eidas3", idToken.get("acr").asText());
            assertTrue(idToken.get("sub").asText().matches(SUB_FORMAT));
            time("wallet login: page on node 1, wallet's POSTs on node 2, completion on node 1", step);
            observe("wallet: node 1 served " + describe(started) + "; node 2 served the wallet's " + describe(wallet)
                    + "; node 1 served " + describe(completed) + "; acr eidas3");
        }
    }

    @Test
    @Order(5)
    void aTokenFromNodeOneIsAcceptedByChecktokenOnNodeTwo() {
        Instant step = Instant.now();
        balancer.takeServed();
        balancer.pin(1);
        ServiceProvider.Authorization authorization = sp.authorize(SCOPES + " dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        Page callback = browser.submit(consent, "#passerelle-consent-form", Map.of("accept", ""));
        Tokens fromNode1 = authorization.redeemAt(node1.baseUrl(), callback);
        assertEquals(Set.of(1), nodes(balancer.takeServed()), "node 1 alone served this login and its consent");
        balancer.alternate();

        int checksBefore = checktokenTraces();
        JsonNode onNode2 = new DataProvider(balancer.baseUrl(), node2.baseUrl(), "demo-dp", "demo-dp-secret-keying-hs256-answers").checkTokenJson(fromNode1.accessToken());
        JsonNode onNode1 = new DataProvider(balancer.baseUrl(), node1.baseUrl(), "demo-dp", "demo-dp-secret-keying-hs256-answers").checkTokenJson(fromNode1.accessToken());
        // Each node's trace writer writes its token-check traces off the call, within its linger (100 ms): read the
        // table directly (not through the listing, which waits for its node's writer) until both are there, 10 s at most.
        Instant deadline = Instant.now().plusSeconds(10);
        while (checktokenTraces() < checksBefore + 2 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertEquals(checksBefore + 2, checktokenTraces(), "each node wrote its checktoken trace into the one database");
        List<String> events = database.column("SELECT DISTINCT event FROM passerelle_trace");
        assertTrue(events.containsAll(List.of("consent_given", "sp_token")), "node 1's login and consent are traced: " + events);
        assertTrue(onNode2.get("active").asBoolean(), onNode2.toString());
        assertEquals(List.of("dgfip_rfr"), Json.MAPPER.convertValue(onNode2.get("scope"), List.class));
        assertEquals("DUPONT", onNode2.get("identity").get("family_name").asText());
        assertTrue(onNode2.get("sub").asText().matches(SUB_FORMAT));
        assertEquals(onNode1.get("sub"), onNode2.get("sub"), "the DP's sub is the same from both nodes");
        time("checktoken on node 2 for a token of node 1", step);
        observe("traces: node 1's consent_given and sp_token and one checktoken_ok from each node are rows of the one PASSERELLE_TRACE table");
        observe("checktoken: a token issued by node 1 (after consent to dgfip_rfr on node 1) is active on node 2, "
                + "scope [dgfip_rfr], DP sub " + abbreviate(onNode2.get("sub").asText()) + " identical on both nodes");
    }

    @Test
    @Order(6)
    void afterNodeOneIsKilledNodeTwoHonoursTheSessionAndTokensAndANewLoginWorks() throws Exception {
        Instant step = Instant.now();
        long pid = node1.kill();
        assertFalse(node1.isAlive());
        time("SIGKILL of node 1's JVM (pid " + pid + ")", step);

        step = Instant.now();
        node2.awaitClusterView(1, VIEW_TIMEOUT);
        time("node 2 sees a cluster of 1", step);
        observe("after SIGKILL of pid " + pid + ", node 2: " + node2.lastClusterView());
        observe("JGROUPS_PING rows after the crash: " + database.column("SELECT name FROM jgroups_ping ORDER BY 1"));

        step = Instant.now();
        assertEquals(marieSub, Userinfo.fetch(node2.realmUrl(REALM), marieTokens.accessToken()).get("sub").asText(),
                "the access token issued before the crash");
        JsonNode refreshed = sp.refreshAt(node2.baseUrl(), marieTokens.refreshToken());
        assertEquals(marieSub, Userinfo.fetch(node2.realmUrl(REALM), refreshed.get("access_token").asText()).get("sub").asText(),
                "the refresh token issued before the crash");

        ServiceProvider.Authorization sso = sp.authorize(SCOPES);
        Page silent = marieBrowser.open(sso.url());
        assertTrue(silent.isClientRedirect(), "Marie's SSO session lives on: straight back to the SP, " + silent.uri() + "\n" + silent.text());
        assertEquals(marieSub, sso.redeemAt(node2.baseUrl(), silent).idToken().get("sub"));

        balancer.takeServed();
        String lucasSub = signIn(DemoPeople.LUCAS, node2);
        assertTrue(lucasSub.matches(SUB_FORMAT));
        assertEquals(Set.of(2), nodes(balancer.takeServed()), "node 2 alone served the new login");
        time("session, tokens and a new login on node 2 alone", step);
        observe("node 2 alone: access token and refresh token from before the crash honoured, SSO session honoured "
                + "(no login page), a new login (Lucas) works");
    }

    @Test
    @Order(7)
    void afterNodeOneComesBackItServesAgain() throws IOException {
        Instant step = Instant.now();
        node1.start();
        time("node 1 restarted and ready", step);
        step = Instant.now();
        node1.awaitClusterView(2, VIEW_TIMEOUT);
        node2.awaitClusterView(2, VIEW_TIMEOUT);
        time("cluster view of 2 members again", step);
        observe("node 1 back: " + node1.lastClusterView());
        observe("JGROUPS_PING rows with node 1 back: " + database.column("SELECT name FROM jgroups_ping ORDER BY 1"));

        step = Instant.now();
        assertEquals(marieSub, Userinfo.fetch(node1.realmUrl(REALM), marieTokens.accessToken()).get("sub").asText(),
                "node 1 honours the token issued before it crashed");
        JsonNode refreshed = sp.refreshAt(node1.baseUrl(), sp.refreshAt(node2.baseUrl(), marieTokens.refreshToken()).get("refresh_token").asText());
        assertTrue(refreshed.hasNonNull("access_token"), "node 1 refreshes a token node 2 refreshed");

        balancer.alternate();
        balancer.takeServed();
        String viaBoth = signIn(DemoPeople.MARIE_IMPOTS, node1);
        assertEquals(marieSub, viaBoth);
        List<LoadBalancer.Served> served = balancer.takeServed();
        assertEquals(Set.of(1, 2), nodes(served), "both nodes serve again: " + served);
        time("node 1 serves again (tokens, refresh, a login across both nodes)", step);
        observe("node 1 back: honours Marie's token, refreshes, and a new login is spread over both nodes " + describe(served));
    }

    @Test
    @Order(8)
    void theReportFormsRateLimitHoldsForTheWholeClusterNotPerNode() {
        Instant step = Instant.now();
        int limit = 10; // the shipped default: 10 attempts per client address per 15 minutes
        Browser browser = new Browser();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            statuses.add(report(browser, i % 2 == 0 ? node1 : node2, i));
        }
        assertEquals(Collections.nCopies(limit, 200), statuses, "the first attempts, half on each node, are answered");

        assertEquals(429, report(browser, node2, limit), "node 2 counts the attempts node 1 saw");
        assertEquals(429, report(browser, node1, limit + 1), "and node 1 those node 2 saw");
        time("report form: " + limit + " attempts over both nodes, then 429 on each", step);
        observe("report form rate limit: " + limit + " wrong attempts alternating between the nodes, the next one refused (429) by both");
    }

    /**
     * Both nodes run the notice outbox every 2 s over the same table: each notice must be claimed by one node only
     * and mailed once. Logins over both nodes, then every notice row sent and each code in exactly one mail.
     */
    @Test
    @Order(9)
    void everyConnectionNoticeIsMailedOnceThoughBothNodesRunTheOutbox() {
        Instant step = Instant.now();
        long since = step.toEpochMilli();
        balancer.alternate();
        int logins = 8;
        for (int i = 0; i < logins; i++) {
            signIn(DemoPeople.MARIE_IMPOTS, i % 2 == 0 ? node1 : node2);
        }
        String pending = "SELECT id FROM passerelle_notice WHERE status = 'pending' AND login_time >= " + since;
        for (int i = 0; i < 240 && !database.column(pending).isEmpty(); i++) {
            PasserelleServer.sleep(250);
        }
        assertEquals(List.of(), database.column(pending), "every notice of these logins sent");
        PasserelleServer.sleep(5000); // two more outbox rounds on each node: nothing may go out again
        List<String> sent = database.column("SELECT code FROM passerelle_notice WHERE status = 'sent' AND login_time >= " + since);
        assertEquals(logins, sent.size(), "one notice per login: " + sent);
        List<String> mailed = mailbox.all().stream().map(mail -> {
            java.util.regex.Matcher code = ConnectionNoticeIT.CODE.matcher(mail.text());
            assertTrue(code.find(), "a connection code in " + mail.text());
            return code.group(1).replace("-", "");
        }).filter(sent::contains).toList();
        assertEquals(Set.copyOf(sent), Set.copyOf(mailed), "each notice mailed");
        assertEquals(sent.size(), mailed.size(), "none mailed twice: " + mailed);
        long byNode1 = node1.logLinesMatching("notice \\S+ sent");
        long byNode2 = node2.logLinesMatching("notice \\S+ sent");
        time(logins + " logins over both nodes, their notices mailed once each", step);
        observe("connection notices of " + logins + " logins over both nodes: " + sent.size() + " sent, each code in exactly one mail; "
                + "mailed by node 1 " + byNode1 + ", by node 2 " + byNode2 + " (all notices since each node's last start)");
    }


    private static int report(Browser browser, ClusterNode node, int attempt) {
        return browser.post(node.realmUrl(REALM) + "/passerelle-report",
                Map.of("code", "ABCD-" + (2222 + attempt), "email", "nobody@example.org", "action", "report")).status();
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (balancer != null) {
            balancer.close();
        }
        if (node1 != null) {
            node1.close();
        }
        if (node2 != null) {
            node2.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
        if (database != null) {
            try {
                database.close();
            } catch (SQLException e) {
                observe("could not drop " + database.name() + ": " + e.getMessage());
            }
        }
        if (started != null) {
            timings.put("whole cluster test", Duration.between(started, Instant.now()));
            StringBuilder report = new StringBuilder("Cluster test timings and observations\n");
            timings.forEach((what, took) -> report.append(String.format("  %6.1f s  %s%n", took.toMillis() / 1000.0, what)));
            observations.forEach(line -> report.append("  - ").append(line).append('\n'));
            System.out.print(report);
            Files.writeString(Path.of(required("passerelle.work.dir")).resolve("cluster-test-report.txt"), report);
        }
    }

    /** A complete login in a new browser through the load balancer, the code redeemed on this node; returns the sub. */
    private static String signIn(DemoPeople person, ClusterNode redeemAt) {
        ServiceProvider.Authorization authorization = sp.authorize(SCOPES);
        Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, person);
        assertTrue(callback.isClientRedirect(), "back to the SP: " + callback.uri() + "\n" + callback.text());
        return authorization.redeemAt(redeemAt.baseUrl(), callback).idToken().get("sub").toString();
    }

    private static PostgresDatabase freshDatabase() {
        String host = System.getProperty("passerelle.pg.host", "127.0.0.1");
        int port = Integer.parseInt(System.getProperty("passerelle.pg.port", "5432"));
        String user = System.getProperty("passerelle.pg.user", "passerelle");
        String password = System.getProperty("passerelle.pg.password", "passerelle");
        try {
            return PostgresDatabase.createFresh(host, port, user, password);
        } catch (SQLException e) {
            String why = "No PostgreSQL for the cluster test at " + host + ":" + port + " as " + user + " (" + e.getMessage()
                    + "); start it with .ci/postgres";
            if (Boolean.getBoolean("passerelle.cluster.required") || "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why, e);
            }
            Assumptions.abort(why);
            return null;
        }
    }

    private static Set<Integer> nodes(List<LoadBalancer.Served> served) {
        return served.stream().map(LoadBalancer.Served::node).collect(Collectors.toSet());
    }

    private static String describe(List<LoadBalancer.Served> served) {
        return served.stream().map(s -> s.node() + ":" + s.method() + " " + s.path()).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String abbreviate(String sub) {
        return sub.substring(0, 8) + "…" + sub.substring(sub.length() - 4);
    }

    private static int checktokenTraces() {
        return Integer.parseInt(database.column("SELECT count(*) FROM passerelle_trace WHERE event = 'checktoken_ok'").get(0));
    }

    private static void time(String what, Instant since) {
        timings.put(what, Duration.between(since, Instant.now()));
    }

    private static void observe(String what) {
        observations.add(what);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }
}
