package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A block holds for what is already open: when the person blocks an IdP on their dashboard, the sessions opened
 * through it end. Their refresh tokens stop working, no service gets a code from them by single sign-on, and they
 * cannot reach the dashboard to lift the block.
 */
@ExtendWith(PasserelleServerExtension.class)
class IdpBlockEndsSessionsIT {

    @Test
    void blockingAnIdpEndsTheSessionsOpenedThroughItForSsoRefreshAndTheDashboard(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots", "identite-numerique");
        ServiceProvider demoSp = ServiceProvider.demoSp(server);

        // The session to end: opened through Impôts (in a browser the person may have left somewhere).
        Browser throughImpots = LoginFlow.newBrowser();
        ServiceProvider.Authorization first = demoSp.authorize("openid");
        Tokens tokens = first.redeem(LoginFlow.signIn(throughImpots, first, "impots", person.login()));
        assertEquals(200, demoSp.tryRefresh(tokens.refreshToken()).status(), "the refresh token works before the block");

        // The person, signed in through Identité Numérique, blocks Impôts.
        Browser dashboardBrowser = new Browser();
        Page dashboard = openDashboard(server, dashboardBrowser, "identite-numerique", person.login());
        Page blocked = dashboardBrowser.submit(dashboard, "tr[data-idp=impots] form.block", Map.of());
        assertTrue(blocked.has("tr[data-idp=impots] form.unblock"), blocked.text());
        try {
            ServiceProvider.Answer refresh = demoSp.tryRefresh(tokens.refreshToken());
            assertEquals(400, refresh.status(), "refresh refused: " + refresh.body());
            assertEquals("invalid_grant", refresh.body().get("error").asText());

            ServiceProvider annex = new ServiceProvider(server, "passerelle", "demo-sp-annex", "demo-sp-annex-secret");
            Page noSso = throughImpots.open(annex.authorize("openid").url());
            assertFalse(noSso.isClientRedirect(), "no code by single sign-on: " + noSso.uri());
            assertTrue(noSso.has("#passerelle-idp-choice"), "asked to sign in again: " + noSso.uri());

            Page noDashboard = throughImpots.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
            assertFalse(noDashboard.uri().getPath().endsWith("/passerelle-dashboard/") && noDashboard.has("form.unblock"),
                    "the ended session cannot open the dashboard to lift the block");
            assertTrue(noDashboard.has("#passerelle-idp-choice"), noDashboard.uri() + "\n" + noDashboard.text());

            // The session the person blocked from is untouched.
            Page stillThere = dashboardBrowser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
            assertTrue(stillThere.has("tr[data-idp=impots] form.unblock"), stillThere.text());
        } finally {
            Page current = dashboardBrowser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
            if (current.has("tr[data-idp=impots] form.unblock")) {
                dashboardBrowser.submit(current, "tr[data-idp=impots] form.unblock", Map.of());
            }
        }
    }

    private static Page openDashboard(PasserelleServer server, Browser browser, String idp, String login) {
        Page choice = browser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
        Page idpLogin = LoginFlow.chooseIdp(browser, choice, idp);
        Page dashboard = LoginFlow.signInAtIdp(browser, idpLogin, login, DemoPeople.PASSWORD);
        assertEquals(200, dashboard.status(), dashboard.uri() + "\n" + dashboard.text());
        assertTrue(dashboard.uri().getPath().endsWith("/passerelle-dashboard/"), dashboard.uri().toString());
        return dashboard;
    }
}
