package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentityValidator;

/**
 * Signing in with the PID of an EU Digital Identity Wallet, presented by a holder nobody on this project
 * wrote (the OpenWallet Foundation's libraries), and every way an answer can be wrong, each refused with
 * its code, with no account, and with no personal value in the server log.
 */
@ExtendWith(PasserelleServerExtension.class)
class WalletLoginIT {

    private static final String ALIAS = "wallet-it";
    /** The same wallet login with Keycloak's transient users ("do not store users"). */
    private static final String TRANSIENT_ALIAS = "wallet-it-transient";
    private static final int REVOKED_INDEX = 7;
    private static final Map<String, Object> ERIKA = Map.of(
            "family_name", "Mustermann", "given_name", "Erika", "birthdate", "1964-08-12", "sex", 2,
            "place_of_birth", Map.of("locality", "Berlin", "country", "DE"),
            "issuing_country", "DE", "personal_administrative_number", "T22000129");
    private static final Map<String, Object> JOAO = Map.of(
            "family_name", "Gonçalves Sá", "given_name", "João Pedro", "birthdate", "2001-03-30",
            "issuing_country", "PT", "personal_administrative_number", "PT-198765432");
    private static final Map<String, Object> LENA = Map.of(
            "family_name", "Virtanen", "given_name", "Lena", "birthdate", "1995-02-28", "sex", 2,
            "place_of_birth", Map.of("locality", "Tampere", "country", "FI"),
            "issuing_country", "FI", "personal_administrative_number", "280295-912X");
    private static final List<String> PERSONAL_VALUES = List.of("Mustermann", "T22000129", "Gonçalves", "PT-198765432", "1964-08-12",
            "Virtanen", "280295-912X");

    private static WalletStatusList statusList;
    private static String statusUri;
    private static String missingStatusUri;
    private static WalletTrust trust;
    private static final WalletHolder HOLDER = new WalletHolder();

    @BeforeAll
    static void setUp(PasserelleServer server) throws IOException {
        trust = WalletTrust.get(Path.of(System.getProperty("passerelle.work.dir")));
        statusList = WalletStatusList.start(HOLDER, trust, 64, REVOKED_INDEX);
        statusUri = statusList.uri();
        missingStatusUri = statusList.missingUri();
        createWalletIdp(server.admin(), ALIAS, false);
        createWalletIdp(server.admin(), TRANSIENT_ALIAS, true);
    }

    @AfterAll
    static void tearDown() {
        if (statusList != null) {
            statusList.close();
        }
    }

    private static void createWalletIdp(AdminApi admin, String alias, boolean transientUsers) {
        for (JsonNode existing : admin.get("/admin/realms/passerelle/identity-provider/instances")) {
            if (alias.equals(existing.get("alias").asText())) {
                return;
            }
        }
        ObjectNode idp = Json.MAPPER.createObjectNode().put("alias", alias).put("providerId", "passerelle-wallet")
                .put("displayName", "Wallet (test)").put("enabled", true).put("linkOnly", false).put("hideOnLogin", false)
                .put("trustEmail", false).put("storeToken", false).put("addReadTokenRoleOnCreate", false)
                .put("firstBrokerLoginFlowAlias", "passerelle first broker login")
                .put("postBrokerLoginFlowAlias", "passerelle post broker login");
        idp.putObject("config").put("syncMode", "FORCE").put("passerelle.levels", "eidas3")
                .put("passerelle.level-mapping", "eidas3=eidas3").put("passerelle.minimum-level", "eidas3")
                .put("passerelle.amr", "pop").put("passerelle.hidden", "false").put("doNotStoreUsers", Boolean.toString(transientUsers));
        admin.post("/admin/realms/passerelle/identity-provider/instances", idp);
        String mappers = "/admin/realms/passerelle/identity-provider/instances/" + alias + "/mappers";
        ObjectNode pivot = Json.MAPPER.createObjectNode().put("name", "pivot identity").put("identityProviderAlias", alias)
                .put("identityProviderMapper", "passerelle-pivot-identity-mapper");
        pivot.putObject("config").put("syncMode", "FORCE").put("passerelle.preset", "EUDI");
        admin.post(mappers, pivot);
        ObjectNode gate = Json.MAPPER.createObjectNode().put("name", "eidas level gate").put("identityProviderAlias", alias)
                .put("identityProviderMapper", "passerelle-eidas-level-gate");
        gate.putObject("config").put("syncMode", "FORCE");
        admin.post(mappers, gate);
    }

    /** A login waiting on the wallet page: the browser that started it, and what the page offers. */
    private record WaitingLogin(ServiceProvider.Authorization authorization, Browser browser, String walletLink, String statusUrl) {
    }

    private static WaitingLogin startLogin(PasserelleServer server) {
        return startLogin(server, ALIAS);
    }

    private static WaitingLogin startLogin(PasserelleServer server, String alias) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid amr");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());
        Page page = LoginFlow.chooseIdp(browser, choice, alias);
        assertTrue(page.has("#passerelle-wallet-same-device"), "the wallet page offers the same-device button: " + page.text());
        assertTrue(page.has("#passerelle-wallet-qr svg"), "and a QR code for another device");
        String link = page.document().selectFirst("#passerelle-wallet-same-device").attr("href");
        String status = page.uri().resolve(page.document().selectFirst("#passerelle-wallet").attr("data-status-url")).toString();
        return new WaitingLogin(authorization, browser, link, status);
    }

    private static JsonNode present(WaitingLogin login, Map<String, Object> claims, Consumer<ObjectNode> options) {
        ObjectNode command = Json.MAPPER.createObjectNode().put("command", "present").put("allowInsecureUrls", true).put("url", login.walletLink())
                .put("issuerKey", trust.trusted().keyPem()).put("statusUri", statusUri).put("statusIdx", 3);
        trust.trusted().x5c().forEach(command.putArray("x5c")::add);
        command.set("claims", Json.MAPPER.valueToTree(claims));
        options.accept(command);
        return HOLDER.run(command);
    }

    private static String identityKey(Map<String, Object> claims) {
        Map<PivotField, String> sent = Map.of(
                PivotField.GIVEN_NAME, (String) claims.get("given_name"), PivotField.FAMILY_NAME, (String) claims.get("family_name"),
                PivotField.BIRTHDATE, (String) claims.get("birthdate"), PivotField.ISSUING_COUNTRY, (String) claims.get("issuing_country"),
                PivotField.ADMINISTRATIVE_NUMBER, (String) claims.get("personal_administrative_number"));
        PivotIdentityValidator.Result result = PivotIdentityValidator.validate(
                field -> sent.containsKey(field) ? List.of(sent.get(field)) : List.of(), PivotIdentityValidator.Profile.EUDI);
        return PlatformSecrets.identityKey(((PivotIdentityValidator.Valid) result).identity());
    }

    private static String signInSameDevice(PasserelleServer server) {
        return signInSameDevice(server, ALIAS, ERIKA);
    }

    private static String signInSameDevice(PasserelleServer server, String alias, Map<String, Object> person) {
        WaitingLogin login = startLogin(server, alias);
        JsonNode answer = present(login, person, options -> { });
        JsonNode submission = answer.get("submissions").get(0);
        assertEquals(200, submission.get("status").asInt(), submission.toString());
        Page callback = login.browser().open(submission.get("body").get("redirect_uri").asText());
        assertTrue(callback.isClientRedirect(), "back to the service: " + callback.uri() + " " + callback.text());
        Map<String, Object> idToken = login.authorization().redeem(callback).idToken();
        assertEquals("eidas3", idToken.get("acr"));
        assertEquals(List.of("pop"), idToken.get("amr"));
        return (String) idToken.get("sub");
    }

    @Test
    void validPidSignsInAtEidas3WithTheSamePairwiseSubTheNextTime(PasserelleServer server) {
        Accounts.deleteAccountWithKey(server.admin(), identityKey(ERIKA));

        String first = signInSameDevice(server);
        String second = signInSameDevice(server);

        assertEquals(first, second, "the same PID gives the same pairwise sub");
        JsonNode account = server.admin().findUserByAttribute("passerelle", "passerelle.identity-key", identityKey(ERIKA));
        assertNotNull(account, "linked mode keeps an account keyed by the wallet identity");
        JsonNode links = server.admin().get("/admin/realms/passerelle/users/" + account.get("id").asText() + "/federated-identity");
        assertEquals(ALIAS, links.get(0).get("identityProvider").asText());
        assertFalse(links.get(0).get("userId").asText().contains("T22000129"), "the link does not hold the administrative number");
        assertNoPersonalValueInLog(server);
    }

    @Test
    void transientModeStoresNoAccountAndGivesTheSameSubAsLinkedMode(PasserelleServer server) {
        String key = identityKey(LENA);
        Accounts.deleteAccountWithKey(server.admin(), key);

        String first = signInSameDevice(server, TRANSIENT_ALIAS, LENA);
        String second = signInSameDevice(server, TRANSIENT_ALIAS, LENA);

        assertEquals(first, second, "the pairwise sub comes from the identity key, not from an account");
        assertNull(server.admin().findUserByAttribute("passerelle", "passerelle.identity-key", key), "no account row in transient mode");
        String linked = signInSameDevice(server, ALIAS, LENA);
        assertEquals(first, linked, "the same sub in linked mode");
        Accounts.deleteAccountWithKey(server.admin(), key);
        assertNoPersonalValueInLog(server);
    }

    @Test
    void declinedInTheWalletIsRefusedAsWalletDeclined(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        ObjectNode command = Json.MAPPER.createObjectNode().put("command", "decline").put("allowInsecureUrls", true).put("url", login.walletLink());
        JsonNode submission = HOLDER.run(command).get("submissions").get(0);
        assertEquals(200, submission.get("status").asInt(), "a declined answer is received: " + submission);
        String completion = submission.get("body").get("redirect_uri").asText();

        Page page = login.browser().open(completion);

        assertEquals("wallet-declined", page.document().selectFirst("#passerelle-error-code").text(), page.text());
        assertFalse(page.document().selectFirst("#passerelle-error-id").text().isBlank());
        Page again = login.browser().open(completion);
        assertEquals("wallet-unknown-state", again.document().selectFirst("#passerelle-error-code").text(), "the state is used up");
    }

    @Test
    void crossDeviceLoginCompletesThroughTheWaitingPage(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        Page waiting = login.browser().open(login.statusUrl());
        assertEquals("pending", Json.parse(waiting.body()).get("status").asText());

        JsonNode answer = present(login, ERIKA, options -> { });
        assertEquals(200, answer.get("submissions").get(0).get("status").asInt());

        JsonNode done = Json.parse(login.browser().open(login.statusUrl()).body());
        assertEquals("done", done.get("status").asText());
        Page callback = login.browser().open(done.get("redirect").asText());
        assertTrue(callback.isClientRedirect(), callback.text());
        assertEquals("eidas3", login.authorization().redeem(callback).idToken().get("acr"));
    }

    /** Refused with its code, both to the wallet and on the browser's error page, and nothing stored. */
    private static void assertRefused(PasserelleServer server, WaitingLogin login, JsonNode answer, String code) {
        JsonNode submission = answer.get("submissions").get(answer.get("submissions").size() - 1);
        assertEquals(400, submission.get("status").asInt(), submission.toString());
        assertEquals(code, submission.get("body").get("error_description").asText());
        JsonNode status = Json.parse(login.browser().open(login.statusUrl()).body());
        assertEquals(status.get("redirect").asText(), submission.get("body").get("redirect_uri").asText(),
                "the wallet is also told where to send the browser, which shows the refusal");
        Page page = login.browser().open(status.get("redirect").asText());
        assertEquals(code, page.document().selectFirst("#passerelle-error-code").text(), page.text());
        assertFalse(page.document().selectFirst("#passerelle-error-id").text().isBlank());
        assertNull(server.admin().findUserByAttribute("passerelle", "passerelle.identity-key", identityKey(JOAO)), "no account");
        Page again = login.browser().open(status.get("redirect").asText());
        assertEquals("wallet-unknown-state", again.document().selectFirst("#passerelle-error-code").text(), "the state is used up");
        assertNoPersonalValueInLog(server);
    }

    private static void assertNoPersonalValueInLog(PasserelleServer server) {
        String log = server.logText();
        for (String value : PERSONAL_VALUES) {
            assertFalse(log.contains(value), "the server log holds a personal value");
        }
    }

    @Test
    void keyBindingWithAnotherNonceIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("kbNonce", "another-nonce")), "wallet-nonce");
    }

    @Test
    void answerCarryingAnotherLoginsStateIsRefused(PasserelleServer server) {
        WaitingLogin other = startLogin(server);
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("stateOfUrl", other.walletLink())), "wallet-unknown-state");
    }

    @Test
    void sameAnswerPostedTwiceIsAReplay(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        JsonNode answer = present(login, ERIKA, o -> o.put("submitTimes", 2));
        assertEquals(200, answer.get("submissions").get(0).get("status").asInt(), "the first answer is accepted");
        JsonNode second = answer.get("submissions").get(1);
        assertEquals(400, second.get("status").asInt());
        assertEquals("wallet-replay", second.get("body").get("error_description").asText());
        assertNoPersonalValueInLog(server);
    }

    @Test
    void keyBindingForAnotherVerifierIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("kbAud", "x509_hash:another-verifier")), "wallet-audience");
    }

    @Test
    void expiredPidIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("expiresIn", -3600)), "wallet-expired");
    }

    @Test
    void aRefusedWalletLoginLeadsBackToTheService(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        present(login, JOAO, o -> o.put("expiresIn", -3600));
        JsonNode status = Json.parse(login.browser().open(login.statusUrl()).body());
        Page refused = login.browser().open(status.get("redirect").asText());
        assertEquals("wallet-expired", refused.document().selectFirst("#passerelle-error-code").text(), refused.text());

        WayBackToServiceIT.assertBackToTheService(login.browser(), refused, login.authorization());
    }

    @Test
    void aPersonWaitingForTheWalletCanGoBackToTheService(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid amr");
        Browser browser = LoginFlow.newBrowser();
        Page waiting = LoginFlow.chooseIdp(browser, browser.open(authorization.url()), ALIAS);
        assertTrue(waiting.has("#passerelle-wallet-same-device"), "on the wallet's waiting page: " + waiting.text());

        WayBackToServiceIT.assertBackToTheService(browser, waiting, authorization);
    }

    @Test
    void revokedPidIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("statusIdx", REVOKED_INDEX)), "wallet-revoked");
    }

    @Test
    void unreachableStatusListRefusesTheLogin(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("statusUri", missingStatusUri)), "wallet-status-unavailable");
    }

    @Test
    void pidFromAnUntrustedCaIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> {
            o.put("issuerKey", trust.untrusted().keyPem());
            ArrayNode x5c = o.putArray("x5c");
            trust.untrusted().x5c().forEach(x5c::add);
        }), "wallet-untrusted-issuer");
    }

    @Test
    void withheldBirthdateIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.putArray("withhold").add("birthdate")), "wallet-claims-missing");
    }

    @Test
    void pidWithoutAdministrativeNumberIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        Map<String, Object> withoutNumber = new HashMap<>(JOAO);
        withoutNumber.remove("personal_administrative_number");
        assertRefused(server, login, present(login, withoutNumber, o -> { }), "wallet-no-administrative-number");
    }

    @Test
    void tamperedDisclosureIsRefused(PasserelleServer server) {
        WaitingLogin login = startLogin(server);
        assertRefused(server, login, present(login, JOAO, o -> o.put("tamper", true)), "wallet-disclosure");
    }

    @Test
    void completionFromAnotherBrowserIsRefused(PasserelleServer server) {
        Accounts.deleteAccountWithKey(server.admin(), identityKey(ERIKA));
        WaitingLogin login = startLogin(server);
        JsonNode submission = present(login, ERIKA, o -> { }).get("submissions").get(0);
        String completion = submission.get("body").get("redirect_uri").asText();

        Page stolen = LoginFlow.newBrowser().open(completion);

        assertEquals("wallet-other-browser", stolen.document().selectFirst("#passerelle-error-code").text(), stolen.text());
        assertNull(server.admin().findUserByAttribute("passerelle", "passerelle.identity-key", identityKey(ERIKA)), "no account");
        Page callback = login.browser().open(completion);
        assertTrue(callback.isClientRedirect(), "the browser that started still finishes: " + callback.text());
    }
}
