package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.passerelle.names.UserAttributes;

/** Levels of assurance (docs/reference.md, section 4): the level an SP asks for, what the IdP is asked, and the acr the broker vouches for. */
@ExtendWith(PasserelleServerExtension.class)
class LevelOfAssuranceIT {

    private static final String ESSENTIAL_EIDAS3 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"eidas3\"]}}}";

    @Test
    void marieThroughIdentiteNumeriqueAskedForEidas2GetsEidas2AndItsAmr(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid amr").with("acr_values", "eidas2");

        Map<String, Object> idToken = signIn(authorization, DemoPeople.MARIE_IDENTITE_NUMERIQUE);

        assertEquals("eidas2", idToken.get("acr"));
        assertEquals(List.of("pwd", "otp"), idToken.get("amr"));
    }

    @Test
    void acrValuesEidas3Eidas2IsTreatedAsEidas2(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas3 eidas2");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());

        assertEquals("eidas2", choice.document().selectFirst("#passerelle-idp-choice").attr("data-requested-level"));
        Page callback = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, "identite-numerique"), "lucas.martin", DemoPeople.PASSWORD);
        assertEquals("eidas2", authorization.redeem(callback).idToken().get("acr"));
    }

    @Test
    void noAcrValuesGivesThePlatformDefaultEidas1(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid amr");

        Map<String, Object> idToken = signIn(authorization, DemoPeople.AHMED);

        assertEquals("eidas1", idToken.get("acr"));
        assertEquals(List.of("pwd"), idToken.get("amr"));
    }

    @Test
    void anEssentialAcrOfEidas3RefusesAnEidas2Login(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid").with("claims", ESSENTIAL_EIDAS3);
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());
        assertFalse(choice.has("a[data-idp=identite-numerique]"), "an IdP that cannot reach eidas3 is not offered");

        Page back = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, "eidas"), "elena.garcia", DemoPeople.PASSWORD);

        assertRefusedOnChoicePage(back, "loa-insufficient", "eIDAS");
    }

    @Test
    void anIdpAnsweringBelowTheRequestIsRefusedWithABannerAndAnotherIdpCanBePicked(PasserelleServer server) {
        String lucasKey = Accounts.identityKeyOf(DemoPeople.LUCAS);
        Accounts.deleteAccountWithKey(server.admin(), lucasKey);
        try (DemoIdpUsers.Restore restore = DemoIdpUsers.setAttribute(server, "idp-identite-numerique", "lucas.martin", "acr", "eidas1")) {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas2");
            Browser browser = LoginFlow.newBrowser();
            Page choice = browser.open(authorization.url());

            Page back = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, "identite-numerique"), "lucas.martin", DemoPeople.PASSWORD);

            assertRefusedOnChoicePage(back, "loa-insufficient", "Identité Numérique");
            assertNull(server.admin().findUserByAttribute("passerelle", UserAttributes.IDENTITY_KEY, lucasKey),
                    "a first login refused for its level leaves no account and no link behind");
            Page callback = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, back, "eidas"), "elena.garcia", DemoPeople.PASSWORD);
            assertEquals("eidas2", authorization.redeem(callback).idToken().get("acr"));
        }
    }

    @Test
    void anIdpAnsweringAboveItsCeilingIsCappedToIt(PasserelleServer server) {
        try (DemoIdpUsers.Restore restore = DemoIdpUsers.setAttribute(server, "idp-impots", "ahmed.benali", "acr", "eidas3")) {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");

            assertEquals("eidas1", signIn(authorization, DemoPeople.AHMED).get("acr"));
        }
    }

    @Test
    void anIdpAnsweringNoLevelIsRefused(PasserelleServer server) {
        try (DemoIdpUsers.Restore restore = DemoIdpUsers.setAttribute(server, "idp-impots", "ahmed.benali", "acr", null)) {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
            Browser browser = LoginFlow.newBrowser();

            Page back = LoginFlow.signIn(browser, authorization, DemoPeople.AHMED);

            assertRefusedOnChoicePage(back, "loa-missing", "Impôts");
        }
    }

    @Test
    void anIdpAnsweringAnUnknownLevelIsRefused(PasserelleServer server) {
        try (DemoIdpUsers.Restore restore = DemoIdpUsers.setAttribute(server, "idp-impots", "ahmed.benali", "acr", "gold")) {
            Page back = LoginFlow.signIn(LoginFlow.newBrowser(), ServiceProvider.demoSp(server).authorize("openid"), DemoPeople.AHMED);

            assertRefusedOnChoicePage(back, "loa-unknown", "Impôts");
        }
    }

    @Test
    void elenaThroughTheEidasNodeAtSubstantialGetsEidas2(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid amr");

        Map<String, Object> idToken = signIn(authorization, DemoPeople.ELENA);

        assertEquals("eidas2", idToken.get("acr"));
        assertEquals(List.of("eidas"), idToken.get("amr"));
    }

    @Test
    void jonasThroughTheEidasNodeAtHighGetsEidas3(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas3");

        assertEquals("eidas3", signIn(authorization, DemoPeople.JONAS).get("acr"));
    }

    @Test
    void theEidasNodeAnsweringLowIsRefusedAsALevelItMayNotAssert(PasserelleServer server) {
        try (DemoIdpUsers.Restore restore = DemoIdpUsers.setAttribute(server, "idp-eidas", "jonas.schmidt", "loa", "http://eidas.europa.eu/LoA/low")) {
            Page back = LoginFlow.signIn(LoginFlow.newBrowser(), ServiceProvider.demoSp(server).authorize("openid"), DemoPeople.JONAS);

            assertRefusedOnChoicePage(back, "loa-not-assertable", "eIDAS");
        }
    }

    static Map<String, Object> signIn(ServiceProvider.Authorization authorization, DemoPeople person) {
        Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, person);
        return authorization.redeem(callback).idToken();
    }

    static void assertRefusedOnChoicePage(Page page, String code, String idpName) {
        assertFalse(page.isClientRedirect(), "no code goes back to the SP: " + page.uri());
        assertTrue(page.has("#passerelle-idp-choice"), "back on the IdP choice page: " + page.text());
        assertTrue(page.text().contains(code), "the banner names the reason " + code + ": " + page.text());
        assertTrue(page.text().contains(idpName), "the banner names the IdP " + idpName + ": " + page.text());
    }
}
