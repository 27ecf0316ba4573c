package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The person's dashboard, and blocking an IdP for one's identity. */
@ExtendWith(PasserelleServerExtension.class)
class PersonDashboardIT {

    private static final String CONNECTIONS = "table[aria-labelledby=connections] tr";

    @Test
    void marieSeesHerConnectionsViaBothIdpsAndBlockingImpotsRefusesHerNextLoginThere(PasserelleServer server) {
        signInToDemoSp(server, DemoPeople.MARIE_IMPOTS);
        signInToDemoSp(server, DemoPeople.MARIE_IDENTITE_NUMERIQUE);

        Browser browser = new Browser();
        Page dashboard = openDashboardSignedInAs(server, browser, DemoPeople.MARIE_IDENTITE_NUMERIQUE);
        assertEquals("fr", dashboard.document().selectFirst("html").attr("lang"), "French by default");
        assertTrue(dashboard.text().contains("Mes connexions"), dashboard.text());
        assertTrue(dashboard.has(CONNECTIONS + "[data-idp=impots][data-sp=demo-sp]"), "connection via impots:\n" + dashboard.text());
        assertTrue(dashboard.has(CONNECTIONS + "[data-idp=identite-numerique][data-sp=demo-sp]"), "connection via identite-numerique");
        assertFalse(dashboard.has("tr[data-idp=identite-numerique] form.block"), "the IdP of the current session cannot be blocked");

        try {
            Page blocked = browser.submit(dashboard, "tr[data-idp=impots] form.block", Map.of());
            assertTrue(blocked.has("tr[data-idp=impots] form.unblock"), blocked.text());
            assertTrue(blocked.document().selectFirst("#status").text().contains("bloqué"), blocked.text());

            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
            Page refused = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.MARIE_IMPOTS);
            assertFalse(refused.isClientRedirect(), "no code for a blocked IdP: " + refused.uri());
            assertEquals(403, refused.status());
            assertTrue(refused.text().contains("Vous avez bloqué la connexion par"), refused.text());

            List<JsonNode> traces = Traces.ofIdentity(server, Accounts.identityKeyOf(DemoPeople.MARIE_IMPOTS));
            assertTrue(traces.stream().anyMatch(t -> t.get("event").asText().equals("identity_refused")
                    && t.get("reason").asText().equals("idp_blocked") && t.get("idp").asText().equals("impots")), traces.toString());

            Page english = browser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/?lang=en");
            assertEquals("en", english.document().selectFirst("html").attr("lang"));
            assertTrue(english.text().contains("My connections"), english.text());
        } finally {
            Page current = browser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
            if (current.has("tr[data-idp=impots] form.unblock")) {
                browser.submit(current, "tr[data-idp=impots] form.unblock", Map.of());
            }
        }
        signInToDemoSp(server, DemoPeople.MARIE_IMPOTS);
    }

    @Test
    void theIdpOfTheCurrentSessionCannotBeBlockedEvenByACraftedRequest(PasserelleServer server) {
        Browser browser = new Browser();
        Page dashboard = openDashboardSignedInAs(server, browser, DemoPeople.MARIE_IDENTITE_NUMERIQUE);
        String csrf = dashboard.document().selectFirst("input[name=csrf]").attr("value");

        Page answer = browser.post(server.realmUrl("passerelle") + "/passerelle-dashboard/block",
                Map.of("idp", "identite-numerique", "csrf", csrf, "lang", "fr"));

        assertTrue(answer.document().selectFirst("#status").text().contains("session actuelle"), answer.text());
        assertFalse(answer.has("tr[data-idp=identite-numerique] form.unblock"), "still allowed");
    }

    @Test
    void aBlockWithoutTheSessionTokenIsRefused(PasserelleServer server) {
        Browser browser = new Browser();
        openDashboardSignedInAs(server, browser, DemoPeople.MARIE_IDENTITE_NUMERIQUE);

        Page answer = browser.post(server.realmUrl("passerelle") + "/passerelle-dashboard/block", Map.of("idp", "impots", "csrf", "forged"));

        assertEquals(403, answer.status());
    }

    private static Page openDashboardSignedInAs(PasserelleServer server, Browser browser, DemoPeople person) {
        Page choice = browser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
        Page idpLogin = LoginFlow.chooseIdp(browser, choice, person.idp());
        Page dashboard = LoginFlow.signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
        assertEquals(200, dashboard.status(), dashboard.uri() + "\n" + dashboard.text());
        assertTrue(dashboard.uri().getPath().endsWith("/passerelle-dashboard/"), dashboard.uri().toString());
        return dashboard;
    }

    private static void signInToDemoSp(PasserelleServer server, DemoPeople person) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        authorization.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), authorization, person));
    }
}
