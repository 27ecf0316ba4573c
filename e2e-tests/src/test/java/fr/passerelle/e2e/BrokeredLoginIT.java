package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every demo person signs in to demo-sp through the broker via their IdP, as the README lists them. */
@ExtendWith(PasserelleServerExtension.class)
class BrokeredLoginIT {

    @ParameterizedTest
    @EnumSource(DemoPeople.class)
    void eachDemoPersonGetsAnIdTokenSignedByTheBrokerRealm(DemoPeople person, PasserelleServer server) {
        ServiceProvider sp = ServiceProvider.demoSp(server);
        ServiceProvider.Authorization authorization = sp.authorize("openid");
        Browser browser = LoginFlow.newBrowser();

        Page callback = LoginFlow.signIn(browser, authorization, person);

        Tokens tokens = authorization.redeem(callback);
        assertEquals("ES256", tokens.idTokenAlgorithm());
        Map<String, Object> idToken = tokens.idToken();
        assertNotNull(idToken.get("sub"), "the ID token names its subject");
        assertEquals("demo-sp", idToken.get("azp"));
    }

    @Test
    void wrongPasswordAtTheIdpShowsTheIdpErrorAndIssuesNothing(PasserelleServer server) {
        ServiceProvider sp = ServiceProvider.demoSp(server);
        ServiceProvider.Authorization authorization = sp.authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());
        Page idpLogin = LoginFlow.chooseIdp(browser, choice, "impots");

        Page again = LoginFlow.signInAtIdp(browser, idpLogin, "marie.dupont", "not-her-password");

        assertFalse(again.isClientRedirect(), "no code goes back to the SP");
        assertTrue(again.uri().getPath().startsWith("/realms/idp-impots/"), "the person stays at the IdP: " + again.uri());
        assertTrue(again.has("form#kc-form-login"), "the IdP shows its login form again");
        assertTrue(again.text().contains("invalide") || again.text().contains("Invalid"), again.text());
    }

    @Test
    void theBrokerRealmMapsEidasAcrValuesToLevels(PasserelleServer server) {
        JsonNode realm = server.admin().get("/admin/realms/passerelle");
        JsonNode map = Json.parse(realm.get("attributes").get("acr.loa.map").asText());
        assertEquals(1, map.get("eidas1").asInt());
        assertEquals(2, map.get("eidas2").asInt());
        assertEquals(3, map.get("eidas3").asInt());
    }
}
