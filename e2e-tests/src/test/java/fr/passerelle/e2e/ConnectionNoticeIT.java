package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The connection notice, end to end over real SMTP: the broker's outbox delivers to a GreenMail server, and the
 * messages are read back from it. The server is this class's own (it is restarted with a notice pending), on the
 * shipped realm whose demo SMTP settings point at the test's mail server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionNoticeIT {

    static final String MARIE_EMAIL = "marie.dupont@example.org";
    static final String SUPPORT_EMAIL = "support@passerelle.localhost";
    static final String DEMO_SP_NAME = "Ville de démo — services en ligne";
    static final String ANNEX_NAME = "Ville de démo — annexe";
    static final Pattern CODE = Pattern.compile("\\b([A-Z2-9]{4}-[A-Z2-9]{4})\\b");
    static final Duration DELIVERY = Duration.ofSeconds(30);

    private Mailbox mailbox;
    private PasserelleServer server;
    private final java.util.Set<String> browserReports = new java.util.HashSet<>();

    @BeforeAll
    void start() {
        mailbox = new Mailbox();
        server = PasserelleServerExtension.startOwn("keycloak-notice", Map.of("PASSERELLE_SMTP_PORT", String.valueOf(mailbox.smtpPort())),
                List.of("--spi-events-listener--passerelle-connection-notice--send-interval-seconds=1"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    /**
     * The demo as a person walks it, in Chromium: the demo SP (its mailbox page reads a GreenMail standalone, as the
     * start command runs it), Marie signs in, opens her notice from the mailbox and reports the connection.
     * Screenshots under target/screenshots/notice-*.
     */
    @Test
    @Order(0)
    void theDemoMailboxShowsMariesNoticeWhoseLinkLeadsToTheReportForm() throws Exception {
        assumeTrue(Chromium.isInstalled(), "Chromium and chromedriver are not installed");
        Path work = Path.of(System.getProperty("passerelle.work.dir"));
        int smtp = PasserelleServer.freePort();
        int api = PasserelleServer.freePort();
        Path greenMailJar = Path.of(System.getProperty("passerelle.demo-sp.jar")).resolveSibling("greenmail-standalone.jar");
        Process greenMail = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtp, "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + api, "-jar", greenMailJar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("greenmail-standalone.log").toFile()).start();
        JsonNode smtpServer = server.admin().get("/admin/realms/passerelle").get("smtpServer");
        DemoApp sp = null;
        try {
            setSmtpPort(smtpServer, smtp);
            sp = DemoApp.start("passerelle.demo-sp.jar", PasserelleServerExtension.SP_URL, Map.of(
                    "PASSERELLE_ISSUER", server.realmUrl("passerelle"),
                    "PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL,
                    "PASSERELLE_MAILBOX_URL", "http://127.0.0.1:" + api), work.resolve("demo-sp-notice.log"));
            walkTheDemo(sp, work);
        } finally {
            setSmtpPort(smtpServer, mailbox.smtpPort());
            if (sp != null) {
                sp.close();
            }
            greenMail.destroy();
            greenMail.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        // This connection's report is the browser's; the tests below count their own.
        for (JsonNode report : server.admin().get("/admin/realms/passerelle/passerelle-reports")) {
            browserReports.add(report.get("id").asText());
        }
    }

    @Test
    @Order(1)
    void aLoginDeliversExactlyOneNoticeNamingServiceIdpLevelAndCodeAndSsoToASecondServiceItsOwn() {
        Browser browser = LoginFlow.newBrowser().language("fr");
        signIn(browser, ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS);

        Mailbox.Mail notice = awaitOne(to(MARIE_EMAIL).and(subjectHas(DEMO_SP_NAME)));
        assertEquals("Connexion à " + DEMO_SP_NAME, notice.subject());
        for (String part : List.of(notice.text(), Jsoup.parse(notice.html()).text())) {
            assertTrue(part.contains("Impôts (démo)"), "names the IdP: " + part);
            assertTrue(part.contains("eidas1"), "names the level: " + part);
            assertTrue(part.contains("Ce n'est pas moi"), "offers the report: " + part);
        }
        for (String part : List.of(notice.text(), notice.html())) {
            assertTrue(part.contains("/realms/passerelle/passerelle-report"), "links the report form: " + part);
            assertTrue(part.contains("/realms/passerelle/passerelle-dashboard"), "links the dashboard: " + part);
        }
        String code = code(notice);
        assertTrue(notice.html().contains(code), "the HTML part shows the same code");

        // SSO to a second service: its own notice, its own code.
        Page annex = browser.open(annex().authorize("openid").url());
        assertTrue(annex.isClientRedirect(), "single sign-on to the annex: " + annex.uri());
        Mailbox.Mail second = awaitOne(to(MARIE_EMAIL).and(subjectHas(ANNEX_NAME)));
        assertNotEquals(code, code(second));

        // A second authorization of the first service in the same session: no second notice for it.
        Page again = browser.open(ServiceProvider.demoSp(server).authorize("openid").url());
        assertTrue(again.isClientRedirect());
        PasserelleServer.sleep(3000);
        assertEquals(1, mailbox.matching(to(MARIE_EMAIL).and(subjectHas(DEMO_SP_NAME))).size(), "one notice per service per session");
        assertEquals(1, mailbox.matching(to(MARIE_EMAIL).and(subjectHas(ANNEX_NAME))).size());
    }

    @Test
    @Order(2)
    void theNoticeIsInThePersonsLanguage() {
        int before = mailbox.matching(to(MARIE_EMAIL)).size();
        signIn(LoginFlow.newBrowser().language("en"), ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS);
        Mailbox.Mail notice = mailbox.await(m -> m.to(MARIE_EMAIL) && m.subject().startsWith("Sign-in to"), DELIVERY)
                .orElseThrow(() -> new AssertionError("no English notice in " + mailbox.all()));
        assertEquals("Sign-in to " + DEMO_SP_NAME, notice.subject());
        assertTrue(notice.text().contains("Connection code: " + code(notice)), notice.text());
        assertTrue(notice.text().contains("It wasn't me"), notice.text());
        assertEquals(before + 1, mailbox.matching(to(MARIE_EMAIL)).size());
    }

    @Test
    @Order(3)
    void aPersonWithNoEmailGetsNoneAndTheOutboxSaysWhy() {
        int before = mailbox.all().size();
        signIn(LoginFlow.newBrowser(), ServiceProvider.demoSp(server), DemoPeople.AHMED);
        JsonNode row = awaitNotice(n -> "no-address".equals(n.path("status").asText()));
        assertEquals("demo-sp", row.get("sp").asText());
        assertTrue(row.path("sentAt").isMissingNode() || row.path("sentAt").isNull(), row.toString());
        PasserelleServer.sleep(3000);
        assertEquals(before, mailbox.all().size(), "no message at all: " + mailbox.all());
    }

    @Test
    @Order(4)
    void theReportFormWithTheRightCodeAndAddressRecordsACaseAndMailsSupport() {
        Mailbox.Mail notice = mailbox.matching(to(MARIE_EMAIL).and(subjectHas(DEMO_SP_NAME))).get(0);
        String code = code(notice);
        Browser browser = LoginFlow.newBrowser();
        Page form = browser.open(server.realmUrl("passerelle") + "/passerelle-report");
        assertEquals(200, form.status());
        assertTrue(form.has("form#passerelle-report-form"), form.text());

        Page recorded = browser.submit(form, "form#passerelle-report-form", Map.of("code", code.toLowerCase(), "email", MARIE_EMAIL));
        assertTrue(recorded.has("#passerelle-report-recorded"), recorded.text());
        assertTrue(recorded.has("form#passerelle-report-block"), "offers to block the IdP used: " + recorded.text());
        assertTrue(recorded.has("a#passerelle-report-back[href^='" + PasserelleServerExtension.SP_URL + "']"), "a way back to the service");

        List<JsonNode> reports = reports();
        assertEquals(1, reports.size(), reports.toString());
        JsonNode report = reports.get(0);
        assertEquals("demo-sp", report.get("sp").asText());
        assertEquals("impots", report.get("idp").asText());
        assertEquals(Accounts.identityKeyOf(DemoPeople.MARIE_IMPOTS), report.get("identityKey").asText());
        assertTrue(report.get("traces").toString().contains("redirected_to_sp"), "carries the connection's traces: " + report);
        assertTrue(report.get("supportMailed").asBoolean());
        assertTrue(recorded.text().contains(report.get("id").asText()), "the person gets the reference");

        Mailbox.Mail support = mailbox.await(to(SUPPORT_EMAIL), DELIVERY).orElseThrow(() -> new AssertionError("support not mailed"));
        assertTrue(support.text().contains(report.get("id").asText()), support.text());
        assertTrue(support.text().contains(code), support.text());
        assertTrue(support.text().contains("redirected_to_sp"), support.text());

        // Reporting the same connection twice keeps one case.
        browser.submit(form, "form#passerelle-report-form", Map.of("code", code, "email", MARIE_EMAIL));
        assertEquals(1, reports().size());
    }

    @Test
    @Order(5)
    void aWrongCodeOrAddressRevealsNothingStoresNothingAndIsRateLimited() {
        String code = code(mailbox.matching(to(MARIE_EMAIL).and(subjectHas(ANNEX_NAME))).get(0));
        Browser browser = LoginFlow.newBrowser();
        String url = server.realmUrl("passerelle") + "/passerelle-report";
        Page wrongAddress = browser.post(url, Map.of("code", code, "email", "someone.else@example.org", "action", "report"));
        Page wrongCode = browser.post(url, Map.of("code", "AAAA-2222", "email", MARIE_EMAIL, "action", "report"));
        Page garbage = browser.post(url, Map.of("code", "<script>", "email", "", "action", "block"));
        for (Page page : List.of(wrongAddress, wrongCode, garbage)) {
            assertEquals(200, page.status());
            assertFalse(page.has("#passerelle-report-recorded"));
        }
        assertTrue(wrongCode.text().contains("Nous ne trouvons pas de connexion"), wrongCode.text());
        assertEquals(message(wrongAddress), message(wrongCode), "the same answer whatever was wrong");
        assertEquals(1, reports().size(), "nothing stored");

        int status = 200;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = browser.post(url, Map.of("code", "AAAA-" + (2222 + i), "email", MARIE_EMAIL, "action", "report")).status();
        }
        assertEquals(429, status, "attempts are rate-limited");
        Page right = browser.post(url, Map.of("code", code, "email", MARIE_EMAIL, "action", "report"));
        assertEquals(429, right.status(), "even the right pair waits once the limit is reached");
        assertEquals(1, reports().size());
    }

    @Test
    @Order(6)
    void underTheFranceConnectRuleANewDeviceGetsTheNoticeAndAKnownOneDoesNot() {
        setRealmAttribute("passerelle.notice-policy", "new-device-or-suspicious");
        try {
            Browser device = LoginFlow.newBrowser();
            int before = mailbox.matching(to(MARIE_EMAIL)).size();
            signIn(device, ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS);
            assertTrue(device.cookieNames().contains("PASSERELLE_DEVICE"), device.cookieNames().toString());
            awaitCount(to(MARIE_EMAIL), before + 1);

            // The same device, a new session (the old one ended by the administrator): no notice.
            endSessionsOf(DemoPeople.MARIE_IMPOTS);
            signIn(device, ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS);
            PasserelleServer.sleep(4000);
            assertEquals(before + 1, mailbox.matching(to(MARIE_EMAIL)).size(), "a known device gets no notice");

            // The operator's edge marks the request suspicious: SSO is refused, the eidas1-only IdP is not offered,
            // and the notice is forced although the device is known.
            device.header("X-Passerelle-Suspicious-Context", "1");
            Page choice = device.open(ServiceProvider.demoSp(server).authorize("openid").url());
            assertFalse(choice.isClientRedirect(), "no single sign-on in a suspicious context");
            assertTrue(choice.has("[data-idp=identite-numerique], #social-identite-numerique"), choice.text());
            assertFalse(choice.has("[data-idp=impots], #social-impots"), "the eidas1 IdP is hidden: " + choice.text());
            Page idpLogin = LoginFlow.chooseIdp(device, choice, "identite-numerique");
            Page callback = LoginFlow.signInAtIdp(device, idpLogin, DemoPeople.MARIE_IDENTITE_NUMERIQUE.login(), DemoPeople.PASSWORD);
            assertTrue(callback.isClientRedirect(), callback.text());
            awaitCount(to(MARIE_EMAIL), before + 2);
            JsonNode row = awaitNotice(n -> n.path("suspicious").asBoolean());
            assertEquals("identite-numerique", row.get("idp").asText());
            assertEquals("eidas2", row.get("level").asText());
        } finally {
            setRealmAttribute("passerelle.notice-policy", "always");
        }
    }

    @Test
    @Order(7)
    void aDeviceOverItsIdentityLimitIsASuspiciousContext() {
        setRealmAttribute("passerelle.device-max-identities", "1");
        try {
            Browser device = LoginFlow.newBrowser();
            signIn(device, ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS);
            int before = notices().size();
            // A second identity on a device that may know one: suspicious, so a notice is due (Lucas has no address).
            endSessionsOf(DemoPeople.MARIE_IMPOTS);
            signIn(device, annex(), DemoPeople.LUCAS);
            JsonNode row = awaitNotice(n -> "no-address".equals(n.path("status").asText()) && "demo-sp-annex".equals(n.path("sp").asText()));
            assertTrue(row.get("suspicious").asBoolean(), row.toString());
            assertFalse(row.get("knownDevice").asBoolean(), row.toString());
            assertTrue(notices().size() > before);
        } finally {
            setRealmAttribute("passerelle.device-max-identities", "3");
        }
    }

    @Test
    @Order(8)
    void aNoticePendingAtARestartIsSentOnceAfterIt() {
        mailbox.stop();
        String marie = Accounts.identityKeyOf(DemoPeople.MARIE_IMPOTS);
        Predicate<JsonNode> marieAnnexSent = n -> marie.equals(n.path("identityKey").asText())
                && "demo-sp-annex".equals(n.path("sp").asText()) && "sent".equals(n.path("status").asText());
        long sentBefore = notices().stream().filter(marieAnnexSent).count();
        signIn(LoginFlow.newBrowser(), annex(), DemoPeople.MARIE_IMPOTS);
        JsonNode pending = awaitNotice(n -> marie.equals(n.path("identityKey").asText()) && "pending".equals(n.path("status").asText())
                && n.path("attempts").asInt() >= 1);
        String id = pending.get("id").asText();

        server = server.restart();
        mailbox.start();
        Mailbox.Mail notice = mailbox.await(to(MARIE_EMAIL).and(subjectHas(ANNEX_NAME)), Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("the pending notice was not sent after the restart"));
        assertTrue(CODE.matcher(notice.text()).find());
        PasserelleServer.sleep(5000);
        // Only this connection's notice: one left pending by an earlier test of the class may arrive too.
        assertEquals(1, mailbox.matching(to(MARIE_EMAIL).and(subjectHas(ANNEX_NAME))).size(), "sent once: " + mailbox.all());
        JsonNode row = notices().stream().filter(n -> id.equals(n.path("id").asText())).findFirst().orElseThrow();
        assertEquals("sent", row.get("status").asText());
        // Counted for this person and service only: a notice another test left pending may be sent after the restart too.
        assertEquals(sentBefore + 1, notices().stream().filter(marieAnnexSent).count());
    }

    @Test
    @Order(9)
    void theReportOffersToBlockTheIdpUsedWhichEndsItsSessions() {
        Browser person = LoginFlow.newBrowser();
        signIn(person, ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS);
        Mailbox.Mail notice = awaitOne(to(MARIE_EMAIL).and(subjectHas(DEMO_SP_NAME)));
        Browser reporter = LoginFlow.newBrowser();
        Page recorded = reporter.post(server.realmUrl("passerelle") + "/passerelle-report",
                Map.of("code", code(notice), "email", MARIE_EMAIL, "action", "report"));
        Page blocked = reporter.submit(recorded, "form#passerelle-report-block", Map.of());
        assertTrue(blocked.has("#passerelle-report-blocked"), blocked.text());
        JsonNode report = reports().get(0);
        assertTrue(report.get("idpBlocked").asBoolean(), report.toString());

        Page sso = person.open(ServiceProvider.demoSp(server).authorize("openid").url());
        assertFalse(sso.isClientRedirect(), "the session opened through the blocked IdP is over");
        Page refused = LoginFlow.signIn(LoginFlow.newBrowser(), ServiceProvider.demoSp(server).authorize("openid"), DemoPeople.MARIE_IMPOTS);
        assertFalse(refused.isClientRedirect(), "the blocked IdP no longer signs Marie in");
    }

    private void signIn(Browser browser, ServiceProvider sp, DemoPeople person) {
        ServiceProvider.Authorization authorization = sp.authorize("openid");
        Page choice = browser.open(authorization.url());
        Page idpLogin = LoginFlow.chooseIdp(browser, choice, person.idp());
        // A browser still signed in at the IdP comes straight back.
        Page callback = idpLogin.isClientRedirect() ? idpLogin : LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
        assertTrue(callback.isClientRedirect(), "signed in: " + callback.uri() + "\n" + callback.text());
    }

    private ServiceProvider annex() {
        return new ServiceProvider(server, "passerelle", "demo-sp-annex", "demo-sp-annex-secret");
    }

    private Mailbox.Mail awaitOne(Predicate<Mailbox.Mail> filter) {
        return mailbox.await(filter, DELIVERY).orElseThrow(() -> new AssertionError("no such notice in " + mailbox.all()));
    }

    private void awaitCount(Predicate<Mailbox.Mail> filter, int count) {
        for (int i = 0; i < 120 && mailbox.matching(filter).size() < count; i++) {
            PasserelleServer.sleep(250);
        }
        assertEquals(count, mailbox.matching(filter).size(), mailbox.all().toString());
    }

    private List<JsonNode> notices() {
        List<JsonNode> rows = new java.util.ArrayList<>();
        server.admin().get("/admin/realms/passerelle/passerelle-reports/notices").forEach(rows::add);
        return rows;
    }

    private JsonNode awaitNotice(Predicate<JsonNode> filter) {
        for (int i = 0; i < 120; i++) {
            var found = notices().stream().filter(filter).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            PasserelleServer.sleep(250);
        }
        throw new AssertionError("no such notice row in " + notices());
    }

    private void walkTheDemo(DemoApp sp, Path work) throws InterruptedException {
        try (Chromium browser = Chromium.start(work.resolve("screenshots"), "notice", "fr")) {
            browser.open(sp.url());
            browser.waitUntil("the SP's home page", b -> b.has("#sign-in"));
            browser.click("#level-eidas1");
            browser.click("#sign-in");
            browser.waitUntil("the IdP choice", b -> b.has("#social-impots, [data-idp=\"impots\"]"));
            browser.click("#social-impots, [data-idp=\"impots\"]");
            browser.waitUntil("the impots login form", b -> b.has("#kc-form-login"));
            browser.type("#username", DemoPeople.MARIE_IMPOTS.login());
            browser.type("#password", DemoPeople.PASSWORD);
            browser.click("#kc-login");
            String accept = "#kc-accept, [data-consent=accept], button[name=accept], input[name=accept]";
            browser.waitUntil("the consent page or the SP", b -> b.url().startsWith(sp.url()) || b.has(accept));
            if (!browser.url().startsWith(sp.url())) {
                browser.click(accept);
            }
            browser.waitUntil("Marie signed in at the SP", b -> b.url().startsWith(sp.url()) && b.has("#identity"));

            browser.click("#demo-mailbox");
            for (int i = 0; i < 60 && !browser.has("#mailbox a"); i++) {
                Thread.sleep(500);
                browser.open(sp.url() + "/mailbox");
            }
            browser.screenshot("demo-mailbox");
            assertTrue(browser.find("#mailbox").getText().contains(MARIE_EMAIL), browser.text());
            browser.click("#mailbox a");
            browser.waitUntil("the notice", b -> b.has("#notice-code"));
            browser.screenshot("connection-notice");
            assertEquals("Impôts (démo)", browser.find("#notice-idp").getText());
            assertEquals(DEMO_SP_NAME, browser.find("#notice-service").getText());
            String code = browser.find("#notice-code").getText();

            browser.click("#notice-report");
            browser.waitUntil("the report form", b -> b.has("#passerelle-report-form"));
            browser.screenshot("report-form");
            browser.type("#code", code);
            browser.type("#email", MARIE_EMAIL);
            browser.click("#passerelle-report-form button[type=submit]");
            browser.waitUntil("the report recorded", b -> b.has("#passerelle-report-recorded"));
            browser.screenshot("report-recorded");
        }
    }

    private void setSmtpPort(JsonNode smtpServer, int port) {
        ObjectNode realm = Json.MAPPER.createObjectNode();
        ObjectNode smtp = smtpServer.deepCopy();
        smtp.put("port", String.valueOf(port));
        realm.set("smtpServer", smtp);
        server.admin().put("/admin/realms/passerelle", realm);
    }

    private List<JsonNode> reports() {
        List<JsonNode> rows = new java.util.ArrayList<>();
        server.admin().get("/admin/realms/passerelle/passerelle-reports").forEach(r -> {
            if (!browserReports.contains(r.get("id").asText())) {
                rows.add(r);
            }
        });
        return rows;
    }

    private void setRealmAttribute(String name, String value) {
        ObjectNode realm = (ObjectNode) server.admin().get("/admin/realms/passerelle");
        ((ObjectNode) realm.get("attributes")).put(name, value);
        server.admin().put("/admin/realms/passerelle", realm);
    }

    private void endSessionsOf(DemoPeople person) {
        JsonNode user = server.admin().findUserByAttribute("passerelle", "passerelle.identity-key", Accounts.identityKeyOf(person));
        server.admin().post("/admin/realms/passerelle/users/" + user.get("id").asText() + "/logout", null);
    }

    private static String message(Page page) {
        return page.document().select("[class*=alert], .kc-feedback-text, #input-error").text();
    }

    private static Predicate<Mailbox.Mail> to(String address) {
        return m -> m.to(address);
    }

    private static Predicate<Mailbox.Mail> subjectHas(String text) {
        return m -> m.subject() != null && m.subject().contains(text);
    }

    private static String code(Mailbox.Mail mail) {
        Matcher matcher = CODE.matcher(mail.text());
        assertTrue(matcher.find(), "a connection code in " + mail.text());
        return matcher.group(1);
    }

}
