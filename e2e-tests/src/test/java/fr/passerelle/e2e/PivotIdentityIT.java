package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.names.UserAttributes;

/** The pivot identity and the pairwise sub (docs/reference.md, sections 2 and 3) end to end: one normalised identity and one stable pairwise sub per person, whatever the IdP. */
@ExtendWith(PasserelleServerExtension.class)
class PivotIdentityIT {

    private static final String SUB_FORMAT = "[0-9a-f]{64}v1";
    private static final String PIVOT_SCOPES = "openid profile birth idp_birthdate email";

    @Test
    void marieGetsTheSameSubThroughBothIdpsAndOneAccountHoldsBothLinks(PasserelleServer server) {
        Map<String, Object> viaImpots = signIn(server, ServiceProvider.demoSp(server), DemoPeople.MARIE_IMPOTS, PIVOT_SCOPES);
        Map<String, Object> viaIdentiteNumerique = signIn(server, ServiceProvider.demoSp(server), DemoPeople.MARIE_IDENTITE_NUMERIQUE, PIVOT_SCOPES);

        assertTrue(viaImpots.get("sub").toString().matches(SUB_FORMAT), viaImpots.get("sub").toString());
        assertEquals(viaImpots.get("sub"), viaIdentiteNumerique.get("sub"), "one person, one sector: one sub");
        JsonNode account = accountOf(server, DemoPeople.MARIE_IMPOTS);
        JsonNode links = server.admin().get("/admin/realms/passerelle/users/" + account.get("id").asText() + "/federated-identity");
        Set<String> idps = stream(links).map(link -> link.get("identityProvider").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("impots", "identite-numerique"), idps);
        assertEquals("1985-03-14", viaIdentiteNumerique.get("birthdate"));
        assertEquals("female", viaIdentiteNumerique.get("gender"));
    }

    @Test
    void spsOfOneSectorShareTheSubAndOtherSectorsGetAnUnrelatedOne(PasserelleServer server) {
        String demoSp = signIn(server, ServiceProvider.demoSp(server), DemoPeople.LUCAS, "openid").get("sub").toString();
        String annex = signIn(server, new ServiceProvider(server, "passerelle", "demo-sp-annex", "demo-sp-annex-secret"), DemoPeople.LUCAS, "openid")
                .get("sub").toString();
        String other = signIn(server, new ServiceProvider(server, "passerelle", "demo-sp-other", "demo-sp-other-secret"), DemoPeople.LUCAS, "openid")
                .get("sub").toString();

        assertEquals(demoSp, annex, "demo-sp and demo-sp-annex share the sector demo-city");
        assertNotEquals(demoSp, other, "other-agency is another sector");
        assertTrue(other.matches(SUB_FORMAT));
    }

    @Test
    void ahmedBornAbroadWithAPresumedBirthdate(PasserelleServer server) {
        Map<String, Object> idToken = signIn(server, ServiceProvider.demoSp(server), DemoPeople.AHMED, PIVOT_SCOPES);

        assertEquals("", idToken.get("birthplace"));
        assertEquals("99352", idToken.get("birthcountry"));
        assertEquals("1972-01-01", idToken.get("birthdate"));
        assertEquals("1972-00-00", idToken.get("idp_birthdate"));
        assertEquals("Ahmed", idToken.get("given_name"));
        assertEquals("BEN ALI", idToken.get("family_name"));
        assertEquals("male", idToken.get("gender"));
    }

    @Test
    void jeanBaptisteKeepsHisHyphenApostropheCorsicanBirthplaceAndUsageName(PasserelleServer server) {
        Map<String, Object> idToken = signIn(server, ServiceProvider.demoSp(server), DemoPeople.JEAN_BAPTISTE, PIVOT_SCOPES);

        assertEquals("Jean-Baptiste Louis", idToken.get("given_name"));
        assertEquals(List.of("Jean-Baptiste", "Louis"), idToken.get("given_name_array"));
        assertEquals("D'ARTAGNAN", idToken.get("family_name"));
        assertEquals("BATZ", idToken.get("preferred_username"));
        assertEquals("2A004", idToken.get("birthplace"));
        assertEquals("99100", idToken.get("birthcountry"));
    }

    @Test
    void elenaThroughTheEidasNodeIsAFirstClassForeignIdentity(PasserelleServer server) {
        Map<String, Object> idToken = signIn(server, ServiceProvider.demoSp(server), DemoPeople.ELENA, "openid profile birth");

        assertEquals("Elena", idToken.get("given_name"));
        assertEquals("GARCÍA LÓPEZ", idToken.get("family_name"));
        assertEquals("1990-07-21", idToken.get("birthdate"));
        assertEquals("female", idToken.get("gender"));
        assertEquals("ES/FR/12345678Z", idToken.get("person_identifier"));
        assertEquals("Sevilla", idToken.get("birthplace"));
        assertNull(idToken.get("birthcountry"), "no country of birth was sent, none is invented");
    }

    @Test
    void userinfoCarriesTheSamePairwiseSubAndClaims(PasserelleServer server) {
        ServiceProvider sp = ServiceProvider.demoSp(server);
        ServiceProvider.Authorization authorization = sp.authorize(PIVOT_SCOPES);
        Tokens tokens = authorization.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.LUCAS));

        Map<String, Object> idToken = tokens.idToken();
        JsonNode userinfo = tokens.userinfo();
        assertEquals(idToken.get("sub"), userinfo.get("sub").asText());
        assertEquals(idToken.get("family_name"), userinfo.get("family_name").asText());
        assertEquals(idToken.get("birthplace"), userinfo.get("birthplace").asText());
    }

    @Test
    void anInvalidIdentityIsRefusedWithACodeAndAnErrorIdAndNothingIsStored(PasserelleServer server) {
        AdminApi admin = server.admin();
        JsonNode lucas = admin.get("/admin/realms/idp-identite-numerique/users?exact=true&username=lucas.martin").get(0);
        String path = "/admin/realms/idp-identite-numerique/users/" + lucas.get("id").asText();
        ObjectNode broken = lucas.deepCopy();
        ((ObjectNode) broken.get("attributes")).putArray("birthdate").add("2001-13-45");
        ((ObjectNode) broken.get("attributes")).putArray("given_name").add("Lucassien");
        int accountsBefore = admin.get("/admin/realms/passerelle/users/count").asInt();
        admin.put(path, broken);
        try {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
            Page refused = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.LUCAS);

            assertFalse(refused.isClientRedirect(), "no code for an invalid identity");
            assertEquals(400, refused.status());
            assertEquals("pivot-invalid-birthdate", refused.document().selectFirst("#passerelle-error-code").text());
            String errorId = refused.document().selectFirst("#passerelle-error-id").text();
            assertTrue(errorId.matches("[0-9a-f-]{36}"), errorId);
            assertTrue(refused.text().contains("date de naissance invalide"), refused.text());
            assertFalse(refused.text().contains("2001-13-45"), "the page does not echo the refused value");
            assertFalse(refused.text().contains("Exception"), "no stack trace");
            assertEquals(accountsBefore, admin.get("/admin/realms/passerelle/users/count").asInt(), "no account written");
            assertTrue(server.logText().contains(errorId), "the log carries the error id");
            assertFalse(server.logText().contains("Lucassien"), "the log carries no personal value");
        } finally {
            admin.put(path, lucas);
        }
    }

    @Test
    void transientModeStoresNoAccountAndGivesTheSameSubAndClaims(PasserelleServer server) {
        AdminApi admin = server.admin();
        JsonNode impots = admin.identityProvider("passerelle", "impots");
        ObjectNode transientImpots = impots.deepCopy();
        ((ObjectNode) transientImpots.get("config")).put("doNotStoreUsers", "true");
        String key = Accounts.identityKeyOf(DemoPeople.JEAN_BAPTISTE);
        Accounts.deleteAccountWithKey(admin, key);
        admin.updateIdentityProvider("passerelle", transientImpots);
        Map<String, Object> transientToken;
        try {
            transientToken = signIn(server, ServiceProvider.demoSp(server), DemoPeople.JEAN_BAPTISTE, PIVOT_SCOPES);
            assertNull(admin.findUserByAttribute("passerelle", UserAttributes.IDENTITY_KEY, key), "no account row in transient mode");
        } finally {
            admin.updateIdentityProvider("passerelle", impots);
        }
        Map<String, Object> linkedToken = signIn(server, ServiceProvider.demoSp(server), DemoPeople.JEAN_BAPTISTE, PIVOT_SCOPES);

        assertNotNull(admin.findUserByAttribute("passerelle", UserAttributes.IDENTITY_KEY, key), "linked mode stores the account");
        for (String claim : List.of("sub", "given_name", "given_name_array", "family_name", "preferred_username", "birthdate",
                "idp_birthdate", "gender", "birthplace", "birthcountry")) {
            assertEquals(linkedToken.get(claim), transientToken.get(claim), claim + " is the same in both modes");
        }
    }

    private static Map<String, Object> signIn(PasserelleServer server, ServiceProvider sp, DemoPeople person, String scope) {
        ServiceProvider.Authorization authorization = sp.authorize(scope);
        Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, person);
        assertTrue(callback.isClientRedirect(), "straight back to the SP, no confirm page: " + callback.uri() + "\n" + callback.text());
        return authorization.redeem(callback).idToken();
    }

    private static JsonNode accountOf(PasserelleServer server, DemoPeople person) {
        JsonNode account = server.admin().findUserByAttribute("passerelle", UserAttributes.IDENTITY_KEY, Accounts.identityKeyOf(person));
        assertNotNull(account, person + " has an account under the identity key");
        return account;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
