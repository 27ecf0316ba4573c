package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.IdpConfig;

/** The IdP choice page, per-SP lists, hints, and choices re-checked on the server. */
@ExtendWith(PasserelleServerExtension.class)
class IdpChoicePageIT {

    @Test
    void anSpAskingEidas2SeesImpotsDisabledWithTheReason(PasserelleServer server) {
        Page choice = LoginFlow.newBrowser().open(ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas2").url());

        Element impots = choice.document().selectFirst("#passerelle-idp-impots");
        assertEquals("LEVEL_UNREACHABLE", impots.attr("data-idp-state"));
        assertFalse(choice.has("a[data-idp=impots]"), "impots cannot be picked");
        assertTrue(impots.text().contains("eidas2"), impots.text());
        assertTrue(choice.has("a[data-idp=identite-numerique]"));
        assertTrue(choice.has("a[data-idp=eidas]"));
    }

    @Test
    void thePageListsEveryIdpWithLogoHelpAndTheEuCitizenEntryInFrenchByDefault(PasserelleServer server) {
        Page choice = LoginFlow.newBrowser().open(ServiceProvider.demoSp(server).authorize("openid").url());

        assertEquals("fr", choice.document().selectFirst("html").attr("lang"));
        assertTrue(choice.text().contains("Choisissez comment vous connecter"), choice.text());
        for (String alias : new String[] {"impots", "identite-numerique", "eidas"}) {
            Element link = choice.document().selectFirst("a[data-idp=" + alias + "]");
            assertTrue(link != null, alias + " is offered");
            assertTrue(link.selectFirst("img.passerelle-idp-logo").attr("src").contains("/img/idp-"), "logo from the theme");
        }
        assertTrue(choice.has("#passerelle-eu-citizen"), "an EU citizen heading");
        assertTrue(choice.document().selectFirst("#passerelle-eu-citizen ~ ul a[data-idp=eidas]") != null, "eIDAS under it");
        assertTrue(choice.text().contains("Avec votre numéro fiscal"), "help line shown");
    }

    @Test
    void thePageIsAvailableInEnglish(PasserelleServer server) {
        Page choice = LoginFlow.newBrowser().language("en").open(ServiceProvider.demoSp(server).authorize("openid").url());

        assertTrue(choice.text().contains("Choose how to sign in"), choice.text());
    }

    @Test
    void aCraftedChoiceOfADisabledIdpIsRefused(PasserelleServer server) {
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(ServiceProvider.demoSp(server).authorize("openid").with("acr_values", "eidas2").url());
        String offered = choice.uri().resolve(choice.document().selectFirst("a[data-idp=identite-numerique]").attr("href")).toString();

        Page byLink = browser.open(offered.replace("passerelle_idp=identite-numerique", "passerelle_idp=impots"));
        assertStillOnChoicePage(byLink);

        String action = byLink.uri().resolve(byLink.document().selectFirst("a[data-idp=identite-numerique]").attr("href")).toString()
                .replace("&passerelle_idp=identite-numerique", "");
        Page byPost = browser.post(action, Map.of("passerelle_idp", "impots"));
        assertStillOnChoicePage(byPost);
    }

    @Test
    void anAllowedHintSkipsThePage(PasserelleServer server) {
        Page idpLogin = LoginFlow.newBrowser().open(ServiceProvider.demoSp(server).authorize("openid").with("kc_idp_hint", "impots").url());
        assertTrue(idpLogin.uri().getPath().startsWith("/realms/idp-impots/"), idpLogin.uri().toString());

        Page viaIdpHint = LoginFlow.newBrowser().open(ServiceProvider.demoSp(server).authorize("openid").with("idp_hint", "identite-numerique").url());
        assertTrue(viaIdpHint.uri().getPath().startsWith("/realms/idp-identite-numerique/"), viaIdpHint.uri().toString());
    }

    @Test
    void aHintTheSpMayNotUseReturnsInvalidIdpHint(PasserelleServer server) {
        ServiceProvider.Authorization unknown = ServiceProvider.demoSp(server).authorize("openid").with("kc_idp_hint", "nowhere");
        assertInvalidHint(LoginFlow.newBrowser().open(unknown.url()), unknown);

        ServiceProvider.Authorization tooLow = ServiceProvider.demoSp(server).authorize("openid")
                .with("acr_values", "eidas2").with("idp_hint", "impots");
        assertInvalidHint(LoginFlow.newBrowser().open(tooLow.url()), tooLow);
    }

    @Test
    void anIdpDeniedForAnSpIsShownDisabledAndItsHintRefused(PasserelleServer server) {
        try (AutoCloseableClient client = AutoCloseableClient.withAttribute(server, "demo-sp-other", ClientAttributes.IDP_DENY, "impots")) {
            ServiceProvider other = new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret");
            Page choice = LoginFlow.newBrowser().open(other.authorize("openid").url());
            assertEquals("EXCLUDED_FOR_SP", choice.document().selectFirst("#passerelle-idp-impots").attr("data-idp-state"));
            assertFalse(choice.has("a[data-idp=impots]"));

            ServiceProvider.Authorization hinted = other.authorize("openid").with("kc_idp_hint", "impots");
            assertInvalidHint(LoginFlow.newBrowser().open(hinted.url()), hinted);
        }
    }

    @Test
    void anIdpInMaintenanceIsShownDisabledWithItsMessageAndAHiddenIdpIsLeftOut(PasserelleServer server) {
        try (AutoCloseableIdp impots = AutoCloseableIdp.withConfig(server, "impots", IdpConfig.MAINTENANCE_MESSAGE, "Retour prévu à 14 h.");
             AutoCloseableIdp eidas = AutoCloseableIdp.withConfig(server, "eidas", IdpConfig.HIDDEN, "true")) {
            Page choice = LoginFlow.newBrowser().open(ServiceProvider.demoSp(server).authorize("openid").url());

            Element entry = choice.document().selectFirst("#passerelle-idp-impots");
            assertEquals("MAINTENANCE", entry.attr("data-idp-state"));
            assertTrue(entry.text().contains("Retour prévu à 14 h."), entry.text());
            assertFalse(choice.has("#passerelle-idp-eidas"), "hidden IdP left off the page");
        }
    }

    private static void assertStillOnChoicePage(Page page) {
        assertFalse(page.isClientRedirect(), page.uri().toString());
        assertTrue(page.has("#passerelle-idp-choice"), "the choice page again: " + page.uri() + "\n" + page.text());
        assertTrue(page.text().contains("ne peut pas être utilisé"), page.text());
    }

    private static void assertInvalidHint(Page page, ServiceProvider.Authorization authorization) {
        assertTrue(page.isClientRedirect(), "back to the SP: " + page.uri() + "\n" + page.text());
        assertEquals("invalid_idp_hint", page.params().get("error"), page.params().toString());
        assertEquals(authorization.state(), page.params().get("state"));
    }

    /**
     * The representation to put back: Keycloak's admin PUT keeps an attribute or config key the body leaves out, so a
     * key the original did not have is sent empty, which is how a setting is cleared.
     */
    static JsonNode restorable(JsonNode original, String map, String key) {
        ObjectNode copy = original.deepCopy();
        ObjectNode values = copy.has(map) ? (ObjectNode) copy.get(map) : copy.putObject(map);
        if (!values.has(key)) {
            values.put(key, "");
        }
        return copy;
    }

    /** A client attribute set for one test and put back after it. */
    record AutoCloseableClient(PasserelleServer server, JsonNode original) implements AutoCloseable {
        static AutoCloseableClient withAttribute(PasserelleServer server, String clientId, String attribute, String value) {
            JsonNode original = server.admin().clientByClientId("passerelle", clientId);
            ObjectNode changed = original.deepCopy();
            ((ObjectNode) changed.get("attributes")).put(attribute, value);
            server.admin().put("/admin/realms/passerelle/clients/" + original.get("id").asText(), changed);
            return new AutoCloseableClient(server, restorable(original, "attributes", attribute));
        }

        @Override
        public void close() {
            server.admin().put("/admin/realms/passerelle/clients/" + original.get("id").asText(), original);
        }
    }

    /** An IdP setting changed for one test and put back after it. */
    record AutoCloseableIdp(PasserelleServer server, JsonNode original) implements AutoCloseable {
        static AutoCloseableIdp withConfig(PasserelleServer server, String alias, String key, String value) {
            JsonNode original = server.admin().identityProvider("passerelle", alias);
            ObjectNode changed = original.deepCopy();
            ((ObjectNode) changed.get("config")).put(key, value);
            server.admin().updateIdentityProvider("passerelle", changed);
            return new AutoCloseableIdp(server, restorable(original, "config", key));
        }

        @Override
        public void close() {
            server.admin().updateIdentityProvider("passerelle", original);
        }
    }
}
