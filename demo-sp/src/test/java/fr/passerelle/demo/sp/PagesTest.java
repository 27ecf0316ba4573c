package fr.passerelle.demo.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;

import fr.passerelle.demo.sp.DataProviderClient.DataResult;

class PagesTest {

    private static SignedIn marie(List<String> dataScopes) {
        Map<String, Object> claims = Map.of("sub", "5f1c-v1", "given_name", "Marie Éloïse", "family_name", "DUPONT",
                "birthdate", "1985-03-14", "gender", "female", "birthplace", "75056", "birthcountry", "99100",
                "acr", "eidas1", "amr", List.of("pwd"), "idp", "impots");
        return new SignedIn(claims, new PlainJWT(new JWTClaimsSet.Builder().build()), new BearerAccessToken("at"),
                SignIn.start("eidas1", dataScopes), dataScopes);
    }

    @Test
    void homeOffersTheLevelsTheDataAndTheSignInButtonInFrench() {
        String page = new Pages(Language.FR).home("tok", Optional.empty());

        assertTrue(page.contains("<html lang=\"fr\">"));
        assertTrue(page.contains("S&#39;identifier avec Passerelle"));
        for (String level : Pages.LEVELS) {
            assertTrue(page.contains("value=\"" + level + "\""), level);
        }
        assertTrue(page.contains("<label for=\"data-dgfip_rfr\">"));
        assertTrue(page.contains("name=\"form_token\" value=\"tok\""));
    }

    @Test
    void homeSpeaksEnglishOnRequest() {
        String page = new Pages(Language.EN).home("tok", Optional.of("home.loggedOut"));

        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("Sign in with Passerelle"));
        assertTrue(page.contains("You are signed out of Demo City and of Passerelle."));
        assertTrue(page.contains("hreflang=\"fr\""));
    }

    @Test
    void signedInPageShowsThePivotIdentityAndTheSignIn() {
        String page = new Pages(Language.FR).signedIn(marie(List.of("dgfip_rfr")), Optional.empty(), "tok");

        assertTrue(page.contains("Bonjour Marie Éloïse DUPONT"));
        assertTrue(page.contains("data-claim=\"birthdate\" data-value=\"1985-03-14\">14 mars 1985<"));
        assertTrue(page.contains("data-claim=\"gender\" data-value=\"female\">Femme<"));
        assertTrue(page.contains("data-value=\"75056\">75056 (Paris)<"));
        assertTrue(page.contains("data-claim=\"sub\" data-value=\"5f1c-v1\""));
        assertTrue(page.contains("data-claim=\"acr\" data-value=\"eidas1\""));
        assertTrue(page.contains("data-claim=\"idp\" data-value=\"impots\">Impôts (démo)<"));
        assertTrue(page.contains("id=\"fetch-data\""));
        assertTrue(page.contains("id=\"sign-out\""));
    }

    @Test
    void withoutDataScopesThereIsNoDataButton() {
        String page = new Pages(Language.FR).signedIn(marie(List.of()), Optional.empty(), "tok");

        assertFalse(page.contains("id=\"fetch-data\""));
    }

    @Test
    void theDataProvidersAnswerIsShownWithLabelsAndEuros() {
        DataResult data = new DataResult(200, null, List.of("dgfip_rfr"), Map.of("revenu_fiscal_de_reference", 38520));

        String page = new Pages(Language.FR).signedIn(marie(List.of("dgfip_rfr")), Optional.of(data), "tok");

        assertTrue(page.contains("Revenu fiscal de référence"));
        assertTrue(page.contains("data-field=\"revenu_fiscal_de_reference\" data-value=\"38520\">38\u202f520\u00a0€<")
                || page.contains("data-field=\"revenu_fiscal_de_reference\" data-value=\"38520\">38\u00a0520\u00a0€<"), page);
    }

    @Test
    void theDataProvidersErrorIsAnAlertWithItsCode() {
        DataResult error = new DataResult(404, "no_such_person", List.of(), Map.of());

        String page = new Pages(Language.EN).signedIn(marie(List.of("dgfip_rfr")), Optional.of(error), "tok");

        assertTrue(page.contains("role=\"alert\" id=\"data-error\" data-error=\"no_such_person\""));
        assertTrue(page.contains("The data provider does not know this person."));
    }

    @Test
    void whatTheBrokerSendsIsEscaped() {
        Map<String, Object> claims = Map.of("sub", "x", "given_name", "<script>alert(1)</script>", "family_name", "O'Brien");
        SignedIn person = new SignedIn(claims, new PlainJWT(new JWTClaimsSet.Builder().build()), new BearerAccessToken("at"),
                SignIn.start("eidas1", List.of()), List.of());

        String page = new Pages(Language.FR).signedIn(person, Optional.empty(), "tok");

        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("O&#39;Brien"));
    }

    @Test
    void onlyTheDataScopesTheTokenResponseGrantsCount() {
        SignIn asked = SignIn.start("eidas1", List.of("dgfip_rfr", "cnaf_quotient_familial"));

        assertEquals(List.of("dgfip_rfr"), SignedIn.granted(asked, new BearerAccessToken("at", 60, new com.nimbusds.oauth2.sdk.Scope("openid", "dgfip_rfr"))));
        assertEquals(List.of("dgfip_rfr", "cnaf_quotient_familial"), SignedIn.granted(asked, new BearerAccessToken("at")));
    }

    @Test
    void aSignInBelowTheRequestedLevelIsRefusedWithAPageSayingWhy() {
        String page = new Pages(Language.EN).signInError("acr_below_requested", "error.acrBelowRequested");

        assertTrue(page.contains("data-error=\"acr_below_requested\""), page);
        assertTrue(page.contains("lower level of assurance than the City asked for"), page);
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        Properties fr = Messages.all().get(Language.FR);
        Properties en = Messages.all().get(Language.EN);

        assertEquals(fr.stringPropertyNames(), en.stringPropertyNames());
    }

    @Test
    void formsAreReadWithRepeatedFields() {
        Map<String, List<String>> form = DemoServiceProvider.parse("level=eidas2&data=dgfip_rfr&data=cnaf_quotient_familial&form_token=a%2Bb");

        assertEquals(List.of("eidas2"), form.get("level"));
        assertEquals(List.of("dgfip_rfr", "cnaf_quotient_familial"), form.get("data"));
        assertEquals(List.of("a+b"), form.get("form_token"));
    }
}
