package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;

/**
 * The demo partners are as strict as real ones: the demo SP refuses a login whose level was lowered in the
 * browser, and the demo DP believes only fresh, typed, addressed answers (the broker gives each its own id).
 * The demo SP and DP run from their jars; a plain HTTP browser plays the person and edits the request.
 */
@ExtendWith(PasserelleServerExtension.class)
class DemoPartnersIT {

    private static DemoApp dataProvider;
    private static DemoApp serviceProvider;

    @BeforeAll
    static void startTheDemoPartners(PasserelleServer server) throws Exception {
        Path work = Path.of(System.getProperty("passerelle.work.dir", "target"));
        String issuer = server.realmUrl("passerelle");
        String dpUrl = "http://127.0.0.1:" + PasserelleServer.freePort();
        dataProvider = DemoApp.start("passerelle.demo-dp.jar", dpUrl, Map.of(
                "PASSERELLE_ISSUER", issuer, "PASSERELLE_DP_URL", dpUrl), work.resolve("demo-dp-partners.log"));
        serviceProvider = DemoApp.start("passerelle.demo-sp.jar", PasserelleServerExtension.SP_URL, Map.of(
                "PASSERELLE_ISSUER", issuer, "PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL,
                "PASSERELLE_DP_URL", dpUrl), work.resolve("demo-sp-partners.log"));
    }

    @AfterAll
    static void stopThem() {
        if (serviceProvider != null) {
            serviceProvider.close();
        }
        if (dataProvider != null) {
            dataProvider.close();
        }
    }

    @Test
    void theDemoSpRefusesALoginWhoseLevelWasLoweredInTheBrowser(PasserelleServer server) {
        String authorizationEndpoint = server.realmUrl("passerelle") + "/protocol/openid-connect/auth";
        Browser browser = new Browser(authorizationEndpoint);
        Page home = browser.open(serviceProvider.url() + "/?lang=en");
        Page toBroker = browser.submit(home, "#sign-in-form", Map.of("level", "eidas2"));
        assertTrue(toBroker.isClientRedirect() && toBroker.params().get("acr_values").equals("eidas2"), toBroker.uri().toString());

        String lowered = PartnerCalls.replacing(toBroker.uri().toString(), "acr_values", "eidas1");
        Page choice = browser.open(lowered);
        Page back = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, DemoPeople.MARIE_IMPOTS.idp()),
                DemoPeople.MARIE_IMPOTS.login(), DemoPeople.PASSWORD);
        if (back.has("#passerelle-consent-form")) {
            back = browser.submit(back, "#passerelle-consent-form", Map.of("accept", ""));
        }

        assertEquals(400, back.status(), back.text());
        assertEquals("acr_below_requested", back.document().selectFirst("#sign-in-error").attr("data-error"), back.text());
        assertTrue(back.text().contains("lower level of assurance than the City asked for"), back.text());
        assertTrue(!back.has("#identity"), "no identity shown for a refused login");
    }

    @Test
    void theDemoDpServesDataOnTheBrokersFreshSignedAnswer(PasserelleServer server) {
        Browser browser = new Browser();
        Page home = browser.open(serviceProvider.url() + "/?lang=en");
        Page choice = browser.submit(home, "#sign-in-form", Map.of("level", "eidas1", "data", "dgfip_rfr"));
        Page consent = LoginFlow.signInAtIdp(browser, LoginFlow.chooseIdp(browser, choice, DemoPeople.MARIE_IMPOTS.idp()),
                DemoPeople.MARIE_IMPOTS.login(), DemoPeople.PASSWORD);
        Page signedIn = browser.submit(consent, "#passerelle-consent-form", Map.of("accept", ""));
        assertTrue(signedIn.has("#identity"), signedIn.text());

        Page withData = browser.submit(signedIn, "form[action=/data]", Map.of());
        assertTrue(withData.has("#data-result"), "the DP believed the broker's answer: " + withData.text());
        assertTrue(withData.document().selectFirst("#data-result").text().contains("38,520"), withData.text());
    }

    @Test
    void eachSignedAnswerIsTypedAndHasItsOwnId(PasserelleServer server) throws Exception {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.AHMED);
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));

        SignedJWT first = SignedJWT.parse(DataProvider.demoDp(server).checkToken(tokens.accessToken(), null).body());
        SignedJWT second = SignedJWT.parse(DataProvider.demoDp(server).checkToken(tokens.accessToken(), null).body());
        assertEquals(new JOSEObjectType("token-introspection+jwt"), first.getHeader().getType());
        assertTrue(first.getJWTClaimsSet().getJWTID() != null && first.getJWTClaimsSet().getJWTID().length() >= 16);
        assertNotEquals(first.getJWTClaimsSet().getJWTID(), second.getJWTClaimsSet().getJWTID(), "a replay is detectable");
        assertEquals(URI.create(server.realmUrl("passerelle")).toString(), first.getJWTClaimsSet().getIssuer());
        assertEquals("demo-dp", first.getJWTClaimsSet().getAudience().get(0));
    }
}
