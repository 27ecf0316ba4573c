package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A session is reused only at a level that satisfies the request and is at or below the SSO ceiling. */
@ExtendWith(PasserelleServerExtension.class)
class SsoByLevelIT {

    @Test
    void anEidas2SessionServesASecondSpAskingEidas2WithoutAnyPage(PasserelleServer server) {
        Browser browser = LoginFlow.newBrowser();
        ServiceProvider.Authorization first = ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas2");
        first.redeem(LoginFlow.signIn(browser, first, DemoPeople.LUCAS));

        ServiceProvider.Authorization second = annex(server).authorize("openid").with("acr_values", "eidas2");
        Page callback = browser.open(second.url());

        assertEquals("eidas2", second.redeem(callback).idToken().get("acr"));
    }

    @Test
    void afterAnEidas1LoginAnSpAskingEidas2GetsTheChoicePage(PasserelleServer server) {
        Browser browser = LoginFlow.newBrowser();
        ServiceProvider.Authorization first = ServiceProvider.demoSp(server).authorize("openid");
        first.redeem(LoginFlow.signIn(browser, first, DemoPeople.AHMED));

        Page page = browser.open(annex(server).authorize("openid").with("acr_values", "eidas2").url());

        assertTrue(page.has("#passerelle-idp-choice"), "asked to choose an IdP again: " + page.uri());
    }

    @Test
    void afterAnEidas3LoginASecondSpAskingEidas3MustAuthenticateAgain(PasserelleServer server) {
        Browser browser = LoginFlow.newBrowser();
        ServiceProvider.Authorization first = ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas3");
        assertEquals("eidas3", first.redeem(LoginFlow.signIn(browser, first, DemoPeople.JONAS)).idToken().get("acr"));

        Page page = browser.open(annex(server).authorize("openid").with("acr_values", "eidas3").url());

        assertTrue(page.has("#passerelle-idp-choice"), "no single sign-on above the ceiling: " + page.uri());
    }

    private static ServiceProvider annex(PasserelleServer server) {
        return new ServiceProvider(server, "passerelle", "demo-sp-annex", "demo-sp-annex-secret");
    }
}
