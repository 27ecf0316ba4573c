package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two services of different sectors, signed in by one single sign-on session, put together everything the broker
 * told each of them about the person's account and session: the pairwise {@code sub} differs, and Keycloak's user
 * session id (the same for both) reaches neither through the redirect, the token response or the ID token. Logout
 * started by a service with its ID token as hint still ends the session for every service.
 */
@ExtendWith(PasserelleServerExtension.class)
class SectorsShareNoSessionIdIT {

    private static final String LOGGED_OUT = PasserelleServerExtension.SP_URL + "/logged-out";

    @Test
    void twoSectorsInOneSsoSessionCompareWhatTheyReceivedAndFindNoCommonIdentifier(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        Browser browser = new Browser(ServiceProvider.REDIRECT_URI, LOGGED_OUT);
        ServiceProvider city = ServiceProvider.demoSp(server);
        ServiceProvider agency = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");

        ServiceProvider.Authorization atCity = city.authorize("openid");
        Page cityCallback = LoginFlow.signIn(browser, atCity, "impots", person.login());
        Tokens cityTokens = atCity.redeem(cityCallback);
        ServiceProvider.Authorization atAgency = agency.authorize("openid");
        Page agencyCallback = browser.open(atAgency.url());
        assertTrue(agencyCallback.isClientRedirect(), "single sign-on to the second sector: " + agencyCallback.uri());
        Tokens agencyTokens = atAgency.redeem(agencyCallback);

        for (Page callback : new Page[] {cityCallback, agencyCallback}) {
            assertFalse(callback.params().containsKey("session_state"), "no session id in the redirect: " + callback.params());
        }
        for (Tokens tokens : new Tokens[] {cityTokens, agencyTokens}) {
            assertFalse(tokens.response().has("session_state"), "no session id in the token response: " + tokens.response().fieldNames());
            assertNull(tokens.idToken().get("sid"), "no session id in the ID token: " + tokens.idToken());
            assertNull(tokens.userinfo().get("sid"), "no session id in userinfo");
        }
        Map<String, Object> cityId = cityTokens.idToken();
        Map<String, Object> agencyId = agencyTokens.idToken();
        assertNotEquals(cityId.get("sub"), agencyId.get("sub"), "pairwise sub per sector");
        assertNotEquals(cityTokens.userinfo().get("sub"), agencyTokens.userinfo().get("sub"));
    }

    @Test
    void logoutStartedByAServiceWithItsIdTokenAsHintStillEndsTheSession(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        Browser browser = new Browser(ServiceProvider.REDIRECT_URI, LOGGED_OUT);
        ServiceProvider city = ServiceProvider.demoSp(server);
        ServiceProvider agency = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");
        ServiceProvider.Authorization atCity = city.authorize("openid");
        Tokens cityTokens = atCity.redeem(LoginFlow.signIn(browser, atCity, "impots", person.login()));
        ServiceProvider.Authorization atAgency = agency.authorize("openid");
        Tokens agencyTokens = atAgency.redeem(browser.open(atAgency.url()));
        assertEquals(200, agency.tryRefresh(agencyTokens.refreshToken()).status(), "the other sector's session works before");
        assertNull(cityTokens.idToken().get("sid"), "the hint names no session");

        Page back = browser.open(server.realmUrl("passerelle") + "/protocol/openid-connect/logout?id_token_hint="
                + enc(cityTokens.rawIdToken()) + "&post_logout_redirect_uri=" + enc(LOGGED_OUT) + "&state=bye");
        assertTrue(back.isClientRedirect() && back.uri().toString().startsWith(LOGGED_OUT),
                "back at the service without a confirmation page: " + back.uri() + "\n" + back.text());
        assertEquals("bye", back.params().get("state"));

        assertEquals(400, agency.tryRefresh(agencyTokens.refreshToken()).status(), "the session ended for the other sector too");
        Page again = browser.open(agency.authorize("openid").url());
        assertFalse(again.isClientRedirect(), "no single sign-on after the logout: " + again.uri());
        assertTrue(again.has("#passerelle-idp-choice"), again.uri() + "\n" + again.text());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
