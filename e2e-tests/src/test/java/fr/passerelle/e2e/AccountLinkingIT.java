package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * IdP accounts are linked only by the first-login step, which links the accounts of one identity: no person holds
 * the right to link accounts, and even with Keycloak's {@code idp_link} action registered by an operator, a person
 * signed in as themself cannot link someone else's IdP account.
 */
@ExtendWith(PasserelleServerExtension.class)
class AccountLinkingIT {

    @Test
    void peopleHoldNoRightToManageAccountLinks(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        authorization.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), authorization, "impots", person.login()));
        JsonNode account = person.brokerAccounts().get(0);
        String accountClient = server.admin().clientByClientId("passerelle", "account").get("id").asText();

        JsonNode effective = server.admin().get("/admin/realms/passerelle/users/" + account.get("id").asText()
                + "/role-mappings/clients/" + accountClient + "/composite");
        List<String> roles = new ArrayList<>();
        effective.forEach(role -> roles.add(role.get("name").asText()));

        assertFalse(roles.contains("manage-account-links"), roles.toString());
        assertFalse(roles.contains("manage-account"), roles.toString());

        // An account from before, holding Keycloak's default roles, loses them at its next login.
        String defaultRole = server.admin().get("/admin/realms/passerelle").get("defaultRole").get("name").asText();
        JsonNode role = server.admin().get("/admin/realms/passerelle/roles/" + defaultRole);
        String realmRoles = "/admin/realms/passerelle/users/" + account.get("id").asText() + "/role-mappings/realm";
        server.admin().post(realmRoles, List.of(role));
        assertTrue(accountRoles(server, account, accountClient).contains("manage-account-links"), "the old grant is back");
        ServiceProvider.Authorization again = ServiceProvider.demoSp(server).authorize("openid");
        again.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), again, "impots", person.login()));
        assertFalse(accountRoles(server, account, accountClient).contains("manage-account-links"));
    }

    private static List<String> accountRoles(PasserelleServer server, JsonNode account, String accountClient) {
        JsonNode effective = server.admin().get("/admin/realms/passerelle/users/" + account.get("id").asText()
                + "/role-mappings/clients/" + accountClient + "/composite");
        List<String> roles = new ArrayList<>();
        effective.forEach(r -> roles.add(r.get("name").asText()));
        return roles;
    }

    @Test
    void withIdpLinkRegisteredAPersonSignedInAsThemselfCannotLinkSomeoneElsesIdpAccount(PasserelleServer server) {
        FreshPerson attacker = FreshPerson.atIdps(server, "identite-numerique");
        FreshPerson victim = FreshPerson.atIdps(server, "impots");
        registerIdpLink(server);
        try {
            Browser browser = LoginFlow.newBrowser();
            ServiceProvider.Authorization signIn = ServiceProvider.demoSp(server).authorize("openid");
            signIn.redeem(LoginFlow.signIn(browser, signIn, "identite-numerique", attacker.login()));

            // As shipped: Keycloak itself refuses, the person holds no right to link.
            Page refused = attemptLink(server, browser, victim);
            assertTrue(refused.isClientRedirect(), refused.uri() + "\n" + refused.text());
            assertEquals("error", refused.params().get("kc_action_status"), refused.params().toString());
            assertNothingLinked(attacker, victim);

            // An operator who also grants the right and gives the service full scope still gets no link: the broker
            // refuses any linking when the IdP answers, with its code.
            try (Granted ignored = Granted.linkingRight(server, attacker)) {
                Page answer = attemptLink(server, browser, victim);
                assertFalse(answer.isClientRedirect(), "no way back to the service with a link: " + answer.uri());
                assertEquals(403, answer.status(), answer.uri() + "\n" + answer.text());
                assertTrue(answer.text().contains("idp-link-refused"), answer.uri() + "\n" + answer.text());
                assertNothingLinked(attacker, victim);
                assertTrue(Traces.all(server).stream().anyMatch(t -> t.get("event").asText().equals("identity_refused")
                        && t.get("reason").asText().equals("idp-link-refused")), "refusal traced");
            }
        } finally {
            server.admin().delete("/admin/realms/passerelle/authentication/required-actions/idp_link");
        }
    }

    private static Page attemptLink(PasserelleServer server, Browser browser, FreshPerson victim) {
        ServiceProvider.Authorization link = ServiceProvider.demoSp(server).authorize("openid").with("kc_action", "idp_link:impots");
        Page page = browser.open(link.url());
        // Keycloak asks the person to confirm the link: they do.
        Page idpLogin = page.has("form#kc-form-login") || page.isClientRedirect() || !page.has("form") ? page
                : browser.submit(page, "form", java.util.Map.of());
        return idpLogin.has("form#kc-form-login")
                ? LoginFlow.signInAtIdp(browser, idpLogin, victim.login(), DemoPeople.PASSWORD) : idpLogin;
    }

    private static void assertNothingLinked(FreshPerson attacker, FreshPerson victim) {
        JsonNode attackerAccount = attacker.brokerAccounts().get(0);
        assertEquals(1, attacker.linksOf(attackerAccount).size(), "no second link: " + attacker.linksOf(attackerAccount));
        assertEquals(List.of(), victim.brokerAccounts(), "nothing stored for the victim");
    }

    /** The linking right on the attacker's account and full scope on demo-sp, put back after the test. */
    private record Granted(PasserelleServer server, String rolePath, JsonNode role, String clientPath, JsonNode client)
            implements AutoCloseable {
        static Granted linkingRight(PasserelleServer server, FreshPerson person) {
            String accountClient = server.admin().clientByClientId("passerelle", "account").get("id").asText();
            JsonNode role = server.admin().get("/admin/realms/passerelle/clients/" + accountClient + "/roles/manage-account-links");
            String rolePath = "/admin/realms/passerelle/users/" + person.brokerAccounts().get(0).get("id").asText()
                    + "/role-mappings/clients/" + accountClient;
            server.admin().post(rolePath, List.of(role));
            JsonNode client = server.admin().clientByClientId("passerelle", "demo-sp");
            String clientPath = "/admin/realms/passerelle/clients/" + client.get("id").asText();
            server.admin().put(clientPath, ((com.fasterxml.jackson.databind.node.ObjectNode) client.deepCopy()).put("fullScopeAllowed", true));
            return new Granted(server, rolePath, role, clientPath, client);
        }

        @Override
        public void close() {
            server.admin().put(clientPath, client);
            server.admin().deleteWithBody(rolePath, List.of(role));
        }
    }

    private static void registerIdpLink(PasserelleServer server) {
        server.admin().post("/admin/realms/passerelle/authentication/register-required-action",
                Map.of("providerId", "idp_link", "name", "Linking Identity Provider"));
        JsonNode action = server.admin().get("/admin/realms/passerelle/authentication/required-actions/idp_link");
        assertTrue(action.get("enabled").asBoolean(), "idp_link registered and enabled: " + action);
    }
}
