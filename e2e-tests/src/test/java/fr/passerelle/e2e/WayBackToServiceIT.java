package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.passerelle.pivot.PivotField;

/**
 * A person who does not want to, or cannot, sign in is not stuck on the broker: every page where a login can stop
 * (the IdP choice, each refusal, Keycloak's own error page) leads back to the service, which gets {@code access_denied}
 * with its {@code state} at the redirect URI its request carried. A page of no login in progress offers no such link,
 * and the way back redirects nowhere else, whatever the link is made to say.
 */
@ExtendWith(PasserelleServerExtension.class)
class WayBackToServiceIT {

    private static final String LINK = "a#passerelle-back-to-service";

    @Test
    void theChoicePageLeadsBackToTheServiceWithAccessDenied(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());

        assertBackToTheService(browser, choice, authorization);
        assertTrue(Traces.all(server).stream().anyMatch(t -> t.get("event").asText().equals("consent_declined")
                && "back-to-service".equals(t.path("reason").asText()) && "demo-sp".equals(t.path("sp").asText())),
                "the way back is traced as a declined login with its reason");
    }

    @Test
    void anIdpTheServiceDoesNotAcceptLeadsBackFromTheRefusal(PasserelleServer server) {
        try (IdpChoicePageIT.AutoCloseableClient ignored = IdpChoicePageIT.AutoCloseableClient.withAttribute(
                server, "demo-sp-other", "passerelle.idp-deny", "impots")) {
            ServiceProvider other = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");
            ServiceProvider.Authorization authorization = other.authorize("openid");
            Browser browser = LoginFlow.newBrowser();

            Page refused = throughBrokerEndpoint(browser, server, authorization, FreshPerson.atIdps(server, "impots"), "impots");

            assertRefusalOnChoicePage(refused, "idp-excluded-for-sp");
            Page back = assertBackToTheService(browser, refused, authorization);
            assertFalse(back.params().containsKey("code"), "no code for the service");
        }
    }

    @Test
    void aLevelTooLowLeadsBackFromTheRefusal(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas2");
        Browser browser = LoginFlow.newBrowser();

        Page refused = throughBrokerEndpoint(browser, server, authorization, FreshPerson.atIdps(server, "impots"), "impots");

        assertRefusalOnChoicePage(refused, "idp-level-unreachable");
        assertBackToTheService(browser, refused, authorization);
    }

    @Test
    void anIdpInMaintenanceLeadsBackFromTheRefusal(PasserelleServer server) {
        try (IdpChoicePageIT.AutoCloseableIdp ignored = IdpChoicePageIT.AutoCloseableIdp.withConfig(
                server, "impots", "passerelle.maintenance-message", "Retour prévu à 14 h.")) {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
            Browser browser = LoginFlow.newBrowser();

            Page refused = throughBrokerEndpoint(browser, server, authorization, FreshPerson.atIdps(server, "impots"), "impots");

            assertRefusalOnChoicePage(refused, "idp-maintenance");
            assertBackToTheService(browser, refused, authorization);
        }
    }

    @Test
    void anIdpThePersonBlockedLeadsBackFromItsRefusalPage(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots", "identite-numerique");
        ServiceProvider.Authorization first = ServiceProvider.demoSp(server).authorize("openid");
        first.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), first, "impots", person.login()));
        Browser dashboardBrowser = new Browser();
        Page choice = dashboardBrowser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
        Page dashboard = LoginFlow.signInAtIdp(dashboardBrowser, LoginFlow.chooseIdp(dashboardBrowser, choice, "identite-numerique"),
                person.login(), DemoPeople.PASSWORD);
        Page blocked = dashboardBrowser.submit(dashboard, "tr[data-idp=impots] form.block", Map.of());
        assertTrue(blocked.has("tr[data-idp=impots] form.unblock"), blocked.text());

        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page refused = LoginFlow.signIn(browser, authorization, "impots", person.login());

        assertFalse(refused.isClientRedirect(), "no code for a blocked IdP: " + refused.uri());
        assertEquals(403, refused.status());
        assertTrue(refused.text().contains("Vous avez bloqué la connexion par"), refused.text());
        assertBackToTheService(browser, refused, authorization);
    }

    @Test
    void anIdentityTheBrokerRefusesLeadsBackFromTheErrorPage(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "identite-numerique");
        person.changeAt("identite-numerique", PivotField.BIRTHDATE, "2001-13-45");
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();

        Page refused = LoginFlow.signIn(browser, authorization, "identite-numerique", person.login());

        assertEquals(400, refused.status(), refused.uri() + "\n" + refused.text());
        assertEquals("pivot-invalid-birthdate", refused.document().selectFirst("#passerelle-error-code").text());
        assertFalse(refused.has("#backToApplication"), "one way back, not the service's home page too");
        assertBackToTheService(browser, refused, authorization);
    }

    @Test
    void anErrorAnswerFromTheIdpLeadsBackFromWhatKeycloakShows(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page idpLogin = LoginFlow.chooseIdp(browser, browser.open(authorization.url()), "impots");
        Map<String, String> request = Page.redirect(idpLogin.uri(), 302).params();
        assertTrue(request.containsKey("state") && request.containsKey("redirect_uri"), idpLogin.uri().toString());

        // The IdP answers the broker with an error instead of an identity.
        Page shown = browser.open(request.get("redirect_uri") + "?error=temporarily_unavailable&state="
                + java.net.URLEncoder.encode(request.get("state"), java.nio.charset.StandardCharsets.UTF_8));

        assertFalse(shown.isClientRedirect(), shown.uri().toString());
        assertBackToTheService(browser, shown, authorization);
    }

    @Test
    void keycloaksErrorPageThatDoesNotKnowTheLoginKeepsOnlyItsLinkToTheServicesHomePage(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());

        // Keycloak draws this error before it reads the login the request names: the page cannot name the login.
        Page error = LoginFlow.openBrokerLoginDirectly(browser, server, choice, "no-such-idp");

        assertFalse(error.isClientRedirect(), error.uri().toString());
        assertTrue(error.has("#kc-error-message"), "Keycloak's error page: " + error.uri() + "\n" + error.text());
        assertFalse(error.has(LINK), error.text());
        assertTrue(error.has("#backToApplication"), "Keycloak's link to the client's home page stays: " + error.text());
    }

    @Test
    void aPageOfNoLoginInProgressOffersNoWayBackAndTheEndpointRedirectsNowhere(PasserelleServer server) {
        Browser browser = LoginFlow.newBrowser();
        Page expired = browser.open(server.realmUrl("passerelle") + "/login-actions/authenticate?client_id=demo-sp&tab_id=made-up");
        assertFalse(expired.isClientRedirect(), expired.uri().toString());
        assertFalse(expired.has(LINK), "no login in progress, no way back:\n" + expired.text());

        Page madeUp = browser.open(server.realmUrl("passerelle") + "/passerelle-back-to-service?client_id=demo-sp&tab_id=made-up");
        assertFalse(madeUp.isClientRedirect(), madeUp.uri().toString());
        assertEquals(400, madeUp.status());
        assertTrue(madeUp.text().contains("n'est plus en cours"), madeUp.text());
        assertFalse(madeUp.has(LINK), madeUp.text());
    }

    @Test
    void theWayBackGoesOnlyToTheRedirectUriOfTheLoginAndOnlyOnce(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());
        URI link = choice.uri().resolve(choice.document().selectFirst(LINK).attr("href"));
        String tabId = Page.redirect(link, 302).params().get("tab_id");

        // The login's tab with another client: no such login, no redirect.
        Page otherClient = browser.open(server.realmUrl("passerelle") + "/passerelle-back-to-service?client_id=demo-sp-other&tab_id=" + tabId);
        assertFalse(otherClient.isClientRedirect(), otherClient.uri().toString());
        // The link made to name another place: the answer still goes to the login's own redirect URI.
        Page back = browser.open(link + "&redirect_uri=http%3A%2F%2Fattacker.example%2F&state=forged");
        assertTrue(back.isClientRedirect(), back.uri() + "\n" + back.text());
        assertTrue(back.uri().toString().startsWith(ServiceProvider.REDIRECT_URI + "?"), back.uri().toString());
        assertEquals("access_denied", back.params().get("error"));
        assertEquals(authorization.state(), back.params().get("state"));
        // The login is over: the same link again redirects nowhere.
        Page again = browser.open(link.toString());
        assertFalse(again.isClientRedirect(), again.uri().toString());
        assertFalse(again.has(LINK), again.text());
    }

    /** The page offers the way back; following it, the service gets access_denied and its state at its redirect URI. */
    static Page assertBackToTheService(Browser browser, Page page, ServiceProvider.Authorization authorization) {
        assertTrue(page.has(LINK), "a way back to the service on " + page.uri() + ":\n" + page.text());
        String href = page.document().selectFirst(LINK).attr("href");
        assertTrue(page.uri().resolve(href).getPath().endsWith("/realms/passerelle/passerelle-back-to-service"), href);

        Page back = browser.click(page, LINK);

        assertTrue(back.isClientRedirect(), back.uri() + "\n" + back.text());
        assertTrue(back.uri().toString().startsWith(ServiceProvider.REDIRECT_URI + "?"), back.uri().toString());
        assertEquals("access_denied", back.params().get("error"));
        assertEquals(authorization.state(), back.params().get("state"));
        return back;
    }

    private static void assertRefusalOnChoicePage(Page page, String code) {
        assertFalse(page.isClientRedirect(), "no code for the service: " + page.uri());
        assertTrue(page.has("#passerelle-idp-choice"), "back on the choice page: " + page.uri() + "\n" + page.text());
        assertTrue(page.text().contains("(" + code + ")"), "the refusal names its code " + code + ":\n" + page.text());
    }

    private static Page throughBrokerEndpoint(Browser browser, PasserelleServer server, ServiceProvider.Authorization authorization,
            FreshPerson person, String alias) {
        Page choice = browser.open(authorization.url());
        Page idpLogin = LoginFlow.openBrokerLoginDirectly(browser, server, choice, alias);
        return LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
    }
}
