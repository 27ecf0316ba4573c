package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's walkthrough, played in a real headless Chromium against the three players: the broker
 * (the assembled server), the demo SP, the demo DP and the demo wallet, each run from its jar as the start command
 * runs them (the demo wallet with the tests' PID provider CA, which the server trusts).
 * Each step's screenshot is saved under {@code target/screenshots/}.
 */
@ExtendWith(PasserelleServerExtension.class)
class DemoWalkthroughBrowserIT {

    private static final String WALLET_IDP = "eudi-wallet";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("passerelle.work.dir", "target"), "screenshots");

    private static DemoApp dataProvider;
    private static DemoApp serviceProvider;
    private static DemoApp wallet;

    @BeforeAll
    static void startTheServiceAndDataProviders(PasserelleServer server) {
        assumeTrue(Chromium.isInstalled(), "Chromium and chromedriver are not installed at " + Chromium.BINARY + ", " + Chromium.DRIVER);
        Path work = Path.of(System.getProperty("passerelle.work.dir", "target"));
        String issuer = server.realmUrl("passerelle");
        String dpUrl = "http://127.0.0.1:" + freePort();
        dataProvider = DemoApp.start("passerelle.demo-dp.jar", dpUrl, Map.of(
                "PASSERELLE_ISSUER", issuer,
                "PASSERELLE_DP_URL", dpUrl), work.resolve("demo-dp.log"));
        serviceProvider = DemoApp.start("passerelle.demo-sp.jar", PasserelleServerExtension.SP_URL, Map.of(
                "PASSERELLE_ISSUER", issuer,
                "PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL,
                "PASSERELLE_DP_URL", dpUrl), work.resolve("demo-sp.log"));
        // The demo wallet issues its PIDs under the CA of the tests' wallet trust, which the server trusts.
        wallet = DemoApp.start("passerelle.demo-wallet.jar", PasserelleServerExtension.DEMO_WALLET_URL, Map.of(
                "PASSERELLE_DEMO_WALLET_URL", PasserelleServerExtension.DEMO_WALLET_URL,
                "PASSERELLE_DEMO_WALLET_DIR", WalletTrust.get(work).directory().toString()), work.resolve("demo-wallet.log"));
    }

    @AfterAll
    static void stopThem() {
        if (wallet != null) {
            wallet.close();
        }
        if (serviceProvider != null) {
            serviceProvider.close();
        }
        if (dataProvider != null) {
            dataProvider.close();
        }
    }

    @Test
    void marieSignsInViaImpotsGetsHerTaxIncomeFromTheDataProviderAndSignsOutOfEverything(PasserelleServer server) {
        try (Chromium browser = Chromium.start(SCREENSHOTS, "marie", "fr")) {
            browser.open(serviceProvider.url());
            browser.waitUntil("the SP's home page", b -> b.has("#sign-in"));
            assertEquals("Vos démarches en ligne", browser.find("h1").getText());
            browser.click("#level-eidas1");
            if (!browser.find("#data-dgfip_rfr").isSelected()) {
                browser.click("#data-dgfip_rfr");
            }
            browser.screenshot("sp-home");

            browser.click("#sign-in");
            waitForIdpChoice(browser, server, "impots");
            browser.screenshot("broker-idp-choice");

            chooseIdp(browser, "impots");
            browser.waitUntil("the impots IdP's login form", b -> b.url().startsWith(server.realmUrl("idp-impots")) && b.has("#kc-form-login"));
            signInAtIdp(browser, "marie.dupont");
            browser.screenshot("idp-impots-login");
            browser.click("#kc-login");

            acceptConsentIfAsked(browser, server);
            browser.waitUntil("Marie signed in at the SP", b -> b.url().startsWith(serviceProvider.url()) && b.has("#identity"));
            browser.screenshot("sp-signed-in");
            assertEquals("Marie Éloïse", claim(browser, "given_name"));
            assertEquals("DUPONT", claim(browser, "family_name"));
            assertEquals("1985-03-14", claim(browser, "birthdate"));
            assertEquals("female", claim(browser, "gender"));
            assertEquals("75056", claim(browser, "birthplace"));
            assertEquals("99100", claim(browser, "birthcountry"));
            assertEquals("impots", claim(browser, "idp"));
            assertEquals("eidas1", claim(browser, "acr"));
            assertFalse(claim(browser, "sub").isBlank(), "the SP shows Marie's pairwise sub");
            assertFalse(claim(browser, "amr").isBlank(), "the SP shows how Marie authenticated");

            browser.click("#fetch-data");
            browser.waitUntil("the data provider's answer", b -> b.has("#data-result") || b.has("#data-error"));
            browser.screenshot("sp-data-from-dp");
            assertFalse(browser.has("#data-error"), () -> "the DP answered an error: " + browser.find("#data-error").getText()
                    + "\nDP log:\n" + dataProvider.logText());
            assertEquals("38520", browser.find("[data-field=revenu_fiscal_de_reference]").getAttribute("data-value"));
            assertEquals("2024", browser.find("[data-field=annee_des_revenus]").getAttribute("data-value"));
            assertFalse(browser.has("[data-field=quotient_familial]"), "only the fields of the scope Marie granted");

            browser.click("#sign-out");
            confirmLogoutIfAsked(browser);
            browser.waitUntil("back at the SP, signed out", b -> b.url().startsWith(serviceProvider.url()) && b.has("#notice"));
            browser.screenshot("sp-signed-out");
            assertTrue(browser.has("#sign-in"), "the SP offers to sign in again");

            // Signed out of the broker and of the IdP too: signing in again asks which account, then the password.
            browser.click("#sign-in");
            waitForIdpChoice(browser, server, "impots");
            chooseIdp(browser, "impots");
            browser.waitUntil("the impots IdP asks for the password again",
                    b -> b.url().startsWith(server.realmUrl("idp-impots")) && b.has("#kc-form-login"));
            browser.screenshot("idp-asks-again-after-logout");
        }
    }

    @Test
    void elenaSignsInAsAnEuCitizenAndTheDataProviderDoesNotKnowHer(PasserelleServer server) {
        try (Chromium browser = Chromium.start(SCREENSHOTS, "elena", "en")) {
            browser.open(serviceProvider.url() + "/?lang=en");
            browser.waitUntil("the SP's home page in English", b -> b.has("#sign-in"));
            assertEquals("Your online services", browser.find("h1").getText());
            browser.click("#level-eidas2");
            if (!browser.find("#data-dgfip_rfr").isSelected()) {
                browser.click("#data-dgfip_rfr");
            }
            browser.screenshot("sp-home-en");

            browser.click("#sign-in");
            waitForIdpChoice(browser, server, "eidas");
            browser.screenshot("broker-idp-choice");

            chooseIdp(browser, "eidas");
            browser.waitUntil("the eIDAS node's login form", b -> b.url().startsWith(server.realmUrl("idp-eidas")) && b.has("#kc-form-login"));
            signInAtIdp(browser, "elena.garcia");
            browser.screenshot("idp-eidas-login");
            browser.click("#kc-login");

            acceptConsentIfAsked(browser, server);
            browser.waitUntil("Elena signed in at the SP", b -> b.url().startsWith(serviceProvider.url()) && b.has("#identity"));
            browser.screenshot("sp-signed-in");
            assertEquals("Elena", claim(browser, "given_name"));
            assertEquals("GARCÍA LÓPEZ", claim(browser, "family_name"));
            assertEquals("1990-07-21", claim(browser, "birthdate"));
            assertEquals("female", claim(browser, "gender"));
            assertEquals("ES/FR/12345678Z", claim(browser, "person_identifier"));
            assertEquals("eidas", claim(browser, "idp"));

            browser.click("#fetch-data");
            browser.waitUntil("the data provider's answer", b -> b.has("#data-result") || b.has("#data-error"));
            browser.screenshot("sp-dp-no-such-person");
            assertFalse(browser.has("#data-result"), "the DP has no data about Elena");
            assertEquals("no_such_person", browser.find("#data-error").getAttribute("data-error"),
                    () -> browser.find("#data-error").getText() + "\nDP log:\n" + dataProvider.logText());
            assertTrue(browser.find("#data-error").getText().contains("does not know this person"));
        }
    }

    @Test
    void lucasAsksForBothDataScopesAtSubstantialLevelAndGetsBoth(PasserelleServer server) {
        try (Chromium browser = Chromium.start(SCREENSHOTS, "lucas", "fr")) {
            browser.open(serviceProvider.url());
            browser.waitUntil("the SP's home page", b -> b.has("#sign-in"));
            browser.click("#level-eidas2");
            if (!browser.find("#data-dgfip_rfr").isSelected()) {
                browser.click("#data-dgfip_rfr");
            }
            browser.click("#data-cnaf_quotient_familial");
            browser.click("#sign-in");

            waitForIdpChoice(browser, server, "identite-numerique");
            chooseIdp(browser, "identite-numerique");
            browser.waitUntil("the Identité Numérique IdP's login form",
                    b -> b.url().startsWith(server.realmUrl("idp-identite-numerique")) && b.has("#kc-form-login"));
            signInAtIdp(browser, "lucas.martin");
            browser.click("#kc-login");
            acceptConsentIfAsked(browser, server);
            browser.waitUntil("Lucas signed in at the SP", b -> b.url().startsWith(serviceProvider.url()) && b.has("#identity"));
            assertEquals("MARTIN", claim(browser, "family_name"));
            assertEquals("eidas2", claim(browser, "acr"));
            assertEquals("identite-numerique", claim(browser, "idp"));

            browser.click("#fetch-data");
            browser.waitUntil("the data provider's answer", b -> b.has("#data-result") || b.has("#data-error"));
            browser.screenshot("sp-both-data-scopes");
            assertFalse(browser.has("#data-error"), () -> "the DP answered an error: " + browser.find("#data-error").getText());
            assertEquals("14210", browser.find("[data-field=revenu_fiscal_de_reference]").getAttribute("data-value"));
            assertEquals("830", browser.find("[data-field=quotient_familial]").getAttribute("data-value"));
        }
    }

    @Test
    void annaSignsInWithThePidInHerDemoWalletAtEidas3(PasserelleServer server) {
        try (Chromium browser = Chromium.start(SCREENSHOTS, "anna-wallet", "fr")) {
            openWalletPage(browser, server, "eidas3");
            assertTrue(browser.find("#passerelle-wallet-same-device").getAttribute("href").startsWith(wallet.url() + "/wallet?"),
                    "the demo realm's wallet invocation URL is the demo wallet");
            assertTrue(browser.has("#passerelle-wallet-qr svg"), "the page offers a QR code for a wallet on another device");
            browser.screenshot("broker-wallet-page");

            browser.click("#passerelle-wallet-same-device");
            browser.waitUntil("the demo wallet asking to share", b -> b.url().startsWith(wallet.url()) && b.has("#wallet-request"));
            assertTrue(browser.find("#wallet-asked").getText().contains("Date de naissance"), browser.text());
            browser.screenshot("demo-wallet-consent");
            browser.click("#pid-anna-kowalska");
            browser.click("#wallet-share");

            acceptConsentIfAsked(browser, server);
            browser.waitUntil("Anna signed in at the SP", b -> b.url().startsWith(serviceProvider.url()) && b.has("#identity"));
            browser.screenshot("sp-signed-in-with-wallet");
            assertEquals("Anna", claim(browser, "given_name"));
            assertEquals("KOWALSKA", claim(browser, "family_name"));
            assertEquals("1990-05-17", claim(browser, "birthdate"));
            assertEquals("female", claim(browser, "gender"));
            assertEquals("eidas3", claim(browser, "acr"));
            assertEquals("eudi-wallet", claim(browser, "idp"));
            assertFalse(server.logText().contains("90051712345"), "the broker logs no PID value");
        }
    }

    @Test
    void declinedInTheDemoWalletTheBrokerShowsWalletDeclined(PasserelleServer server) {
        try (Chromium browser = Chromium.start(SCREENSHOTS, "wallet-declined", "fr")) {
            openWalletPage(browser, server, "eidas3");
            browser.click("#passerelle-wallet-same-device");
            browser.waitUntil("the demo wallet asking to share", b -> b.url().startsWith(wallet.url()) && b.has("#wallet-decline"));
            browser.click("#wallet-decline");
            browser.waitUntil("the broker's error page", b -> b.url().startsWith(server.realmUrl("passerelle")) && b.has("#passerelle-error-code"));
            browser.screenshot("broker-wallet-declined");
            assertEquals("wallet-declined", browser.find("#passerelle-error-code").getText());
        }
    }

    @Test
    void theRevokedDemoPidIsRefusedWithItsCode(PasserelleServer server) {
        try (Chromium browser = Chromium.start(SCREENSHOTS, "wallet-revoked", "fr")) {
            openWalletPage(browser, server, "eidas3");
            browser.click("#passerelle-wallet-same-device");
            browser.waitUntil("the demo wallet asking to share", b -> b.url().startsWith(wallet.url()) && b.has("#wallet-request"));
            browser.click("#pid-luca-bianchi-old");
            browser.click("#wallet-share");
            browser.waitUntil("the wallet reporting the refusal", b -> b.has("#wallet-refusal-code"));
            browser.screenshot("demo-wallet-revoked");
            assertEquals("wallet-revoked", browser.find("#wallet-refusal-code").getText());

            browser.click("#wallet-back");
            browser.waitUntil("the broker's error page", b -> b.url().startsWith(server.realmUrl("passerelle")) && b.has("#passerelle-error-code"));
            browser.screenshot("broker-wallet-revoked");
            assertEquals("wallet-revoked", browser.find("#passerelle-error-code").getText());
        }
    }

    /** From the SP's home page at this level to the broker's wallet page (same-device button, QR code, waiting). */
    private static void openWalletPage(Chromium browser, PasserelleServer server, String level) {
        browser.open(serviceProvider.url());
        browser.waitUntil("the SP's home page", b -> b.has("#sign-in"));
        browser.click("#level-" + level);
        if (browser.find("#data-dgfip_rfr").isSelected()) {
            browser.click("#data-dgfip_rfr");
        }
        browser.click("#sign-in");
        waitForIdpChoice(browser, server, WALLET_IDP);
        browser.screenshot("broker-idp-choice-with-wallet");
        chooseIdp(browser, WALLET_IDP);
        browser.waitUntil("the broker's wallet page", b -> b.has("#passerelle-wallet-same-device"));
    }

    private static String claim(Chromium browser, String name) {
        return browser.find("dd[data-claim=" + name + "]").getAttribute("data-value");
    }

    private static void waitForIdpChoice(Chromium browser, PasserelleServer server, String alias) {
        browser.waitUntil("the broker's IdP choice page offering " + alias,
                b -> b.url().startsWith(server.realmUrl("passerelle")) && b.has(idpSelector(alias)));
    }

    private static void chooseIdp(Chromium browser, String alias) {
        browser.click(idpSelector(alias));
    }

    private static String idpSelector(String alias) {
        return "#social-" + alias + ", [data-idp=\"" + alias + "\"]";
    }

    private static void signInAtIdp(Chromium browser, String login) {
        browser.type("#username", login);
        browser.type("#password", DemoPeople.PASSWORD);
    }

    /** The broker asks for consent to share data (dgfip_rfr) the first time; accepting is the person's click. */
    private static void acceptConsentIfAsked(Chromium browser, PasserelleServer server) {
        String accept = "#kc-accept, [data-consent=accept], button[name=accept], input[name=accept]";
        browser.waitUntil("the broker's consent page or the SP",
                b -> b.url().startsWith(serviceProvider.url()) || (b.url().startsWith(server.realmUrl("passerelle")) && b.has(accept)));
        if (browser.url().startsWith(server.realmUrl("passerelle"))) {
            browser.screenshot("broker-consent");
            browser.click(accept);
        }
    }

    /** Keycloak asks to confirm a logout only when the SP's request lacks a valid id_token_hint; the demo SP sends one. */
    private static void confirmLogoutIfAsked(Chromium browser) {
        browser.waitUntil("the logout to finish",
                b -> b.url().startsWith(serviceProvider.url()) || b.has("#kc-logout"));
        if (browser.has("#kc-logout")) {
            browser.screenshot("broker-logout-confirmation");
            browser.click("#kc-logout");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
