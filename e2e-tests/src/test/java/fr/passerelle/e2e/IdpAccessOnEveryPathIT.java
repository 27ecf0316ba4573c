package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The IdP rules (the service's allow and deny lists, maintenance, levels, the choice itself) hold whatever URL the
 * browser uses to reach an IdP: a browser that opens Keycloak's own {@code /broker/{alias}/login} with the session
 * parameters of the choice page gets past the IdP's password, but its answer is refused before anything is stored,
 * the service gets no code, and the refusal is traced with its code.
 */
@ExtendWith(PasserelleServerExtension.class)
class IdpAccessOnEveryPathIT {

    @Test
    void anIdpTheServiceDeniesIsRefusedOnTheWayBackFromKeycloaksOwnBrokerEndpoint(PasserelleServer server) {
        try (IdpChoicePageIT.AutoCloseableClient ignored = IdpChoicePageIT.AutoCloseableClient.withAttribute(
                server, "demo-sp-other", "passerelle.idp-deny", "impots")) {
            ServiceProvider other = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");
            FreshPerson person = FreshPerson.atIdps(server, "impots");

            Page refused = attack(server, other.authorize("openid"), person, "impots");

            assertRefusedBackOnChoicePage(refused, "idp-excluded-for-sp");
            assertNothingStoredAndTraced(server, person, "demo-sp-other", "idp-excluded-for-sp");
        }
    }

    @Test
    void anIdpInMaintenanceIsRefusedOnTheWayBack(PasserelleServer server) {
        try (IdpChoicePageIT.AutoCloseableIdp ignored = IdpChoicePageIT.AutoCloseableIdp.withConfig(
                server, "impots", "passerelle.maintenance-message", "Retour prévu à 14 h.")) {
            FreshPerson person = FreshPerson.atIdps(server, "impots");

            Page refused = attack(server, ServiceProvider.demoSp(server).authorize("openid"), person, "impots");

            assertRefusedBackOnChoicePage(refused, "idp-maintenance");
            assertNothingStoredAndTraced(server, person, "demo-sp", "idp-maintenance");
        }
    }

    @Test
    void anIdpBelowTheRequestedLevelIsRefusedOnTheWayBack(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");

        Page refused = attack(server, ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas2"), person, "impots");

        assertRefusedBackOnChoicePage(refused, "idp-level-unreachable");
        assertNothingStoredAndTraced(server, person, "demo-sp", "idp-level-unreachable");
    }

    @Test
    void anAllowedIdpTheLoginWasNotSentToIsRefusedTooAndTheRightPathStillWorks(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");

        Browser browser = LoginFlow.newBrowser();
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Page refused = attack(browser, server, authorization, person, "impots");

        assertRefusedBackOnChoicePage(refused, "idp-not-dispatched");
        assertNothingStoredAndTraced(server, person, "demo-sp", "idp-not-dispatched");

        // The same person on the same page picks Impôts the ordinary way: signed in, one account.
        Page idpLogin = LoginFlow.chooseIdp(browser, refused, "impots");
        Page callback = LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
        assertTrue(authorization.redeem(callback).idToken().get("sub") != null);
        assertEquals(1, person.brokerAccounts().size());
    }

    @Test
    void aHiddenIdpStaysReachableByHintButNotByTheBrokerEndpoint(PasserelleServer server) {
        try (IdpChoicePageIT.AutoCloseableIdp ignored = IdpChoicePageIT.AutoCloseableIdp.withConfig(
                server, "impots", "passerelle.hidden", "true")) {
            FreshPerson person = FreshPerson.atIdps(server, "impots");
            Page refused = attack(server, ServiceProvider.demoSp(server).authorize("openid"), person, "impots");
            assertRefusedBackOnChoicePage(refused, "idp-unknown");

            ServiceProvider.Authorization hinted = ServiceProvider.demoSp(server).authorize("openid").with("kc_idp_hint", "impots");
            Browser browser = LoginFlow.newBrowser();
            Page idpLogin = browser.open(hinted.url());
            Page callback = LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
            assertTrue(hinted.redeem(callback).idToken().get("sub") != null, "a hidden IdP is reachable by hint");
        }
    }

    @Test
    void theRefreshTokenGrantFollowsTheRulesAsTheyAreNowNotAsTheyWereAtLogin(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        ServiceProvider demoSp = ServiceProvider.demoSp(server);
        ServiceProvider.Authorization authorization = demoSp.authorize("openid");
        String[] refreshToken = {authorization.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), authorization, "impots", person.login()))
                .refreshToken()};
        Runnable refreshes = () -> {
            ServiceProvider.Answer answer = demoSp.tryRefresh(refreshToken[0]);
            assertEquals(200, answer.status(), "refresh allowed by the rules: " + answer.body());
            refreshToken[0] = answer.body().get("refresh_token").asText();
        };
        refreshes.run();

        // The service denies Impôts after the login: its Impôts session gets no new token.
        try (IdpChoicePageIT.AutoCloseableClient ignored = IdpChoicePageIT.AutoCloseableClient.withAttribute(
                server, "demo-sp", "passerelle.idp-deny", "impots")) {
            assertRefreshRefused(server, demoSp, refreshToken[0], "idp-excluded-for-sp");
        }
        refreshes.run();

        try (IdpChoicePageIT.AutoCloseableClient ignored = IdpChoicePageIT.AutoCloseableClient.withAttribute(
                server, "demo-sp", "passerelle.idp-allow", "identite-numerique")) {
            assertRefreshRefused(server, demoSp, refreshToken[0], "idp-excluded-for-sp");
        }
        refreshes.run();

        try (IdpChoicePageIT.AutoCloseableIdp ignored = IdpChoicePageIT.AutoCloseableIdp.withConfig(
                server, "impots", "passerelle.maintenance-message", "Retour prévu à 14 h.")) {
            assertRefreshRefused(server, demoSp, refreshToken[0], "idp-maintenance");
        }
        refreshes.run();

        // The service now asks eidas2 at least; the session was opened at eidas1.
        try (IdpChoicePageIT.AutoCloseableClient ignored = IdpChoicePageIT.AutoCloseableClient.withAttribute(
                server, "demo-sp", "passerelle.minimum-level", "eidas2")) {
            assertRefreshRefused(server, demoSp, refreshToken[0], "session-level-below-minimum");
        }
        refreshes.run();
    }

    private static void assertRefreshRefused(PasserelleServer server, ServiceProvider sp, String refreshToken, String code) {
        long tracedBefore = refreshRefusals(server, sp, code);
        ServiceProvider.Answer answer = sp.tryRefresh(refreshToken);
        assertEquals(400, answer.status(), "refresh refused: " + answer.body());
        assertEquals("invalid_grant", answer.body().get("error").asText(), answer.body().toString());
        assertEquals(code, answer.body().path("error_description").asText(), "the refusal names its code");
        assertFalse(answer.body().has("access_token"), "no token");
        assertEquals(tracedBefore + 1, refreshRefusals(server, sp, code), "the refusal is traced once with " + code);
    }

    private static long refreshRefusals(PasserelleServer server, ServiceProvider sp, String code) {
        return Traces.all(server).stream().filter(t -> t.get("event").asText().equals("identity_refused")
                && code.equals(t.get("reason").asText()) && sp.clientId().equals(t.get("sp").asText())
                && "impots".equals(t.path("idp").asText())).count();
    }

    private static Page attack(PasserelleServer server, ServiceProvider.Authorization authorization, FreshPerson person, String alias) {
        return attack(LoginFlow.newBrowser(), server, authorization, person, alias);
    }

    private static Page attack(Browser browser, PasserelleServer server, ServiceProvider.Authorization authorization,
                               FreshPerson person, String alias) {
        Page choice = browser.open(authorization.url());
        assertTrue(choice.has("#passerelle-idp-choice"), choice.uri() + "\n" + choice.text());
        Page idpLogin = LoginFlow.openBrokerLoginDirectly(browser, server, choice, alias);
        assertTrue(idpLogin.uri().getPath().startsWith("/realms/idp-" + alias + "/"), "Keycloak serves the IdP's login: " + idpLogin.uri());
        return LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
    }

    private static void assertRefusedBackOnChoicePage(Page page, String code) {
        assertFalse(page.isClientRedirect(), "no code for the service: " + page.uri());
        assertTrue(page.has("#passerelle-idp-choice"), "back on the choice page: " + page.uri() + "\n" + page.text());
        assertTrue(page.text().contains("(" + code + ")"), "the refusal names its code " + code + ":\n" + page.text());
    }

    private static void assertNothingStoredAndTraced(PasserelleServer server, FreshPerson person, String sp, String code) {
        assertEquals(List.of(), person.brokerAccounts(), "no account stored for a refused answer");
        List<JsonNode> traces = Traces.all(server);
        assertTrue(traces.stream().anyMatch(t -> t.get("event").asText().equals("identity_refused")
                && code.equals(t.get("reason").asText()) && sp.equals(t.get("sp").asText())), "refusal traced with " + code);
    }
}
