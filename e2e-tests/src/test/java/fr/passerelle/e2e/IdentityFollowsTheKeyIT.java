package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.passerelle.pivot.PivotField;

/**
 * The identity key is the person, on every login: an IdP that re-issues an account, an IdP that changes what it
 * says about an account, and a burst of simultaneous first logins all end with one account per key and the
 * person signed in.
 */
@ExtendWith(PasserelleServerExtension.class)
class IdentityFollowsTheKeyIT {

    @Test
    void anIdpThatReissuesThePersonsAccountIsRelinkedNotRefused(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots");
        String firstSub = signIn(server, "impots", person);
        String oldSubject = person.upstreamSubjectAt("impots");

        person.reissueAt("impots");
        String newSubject = person.upstreamSubjectAt("impots");
        assertNotEquals(oldSubject, newSubject, "the IdP issued a new upstream subject");

        assertEquals(firstSub, signIn(server, "impots", person), "same person, same sub");
        List<JsonNode> accounts = person.brokerAccounts();
        assertEquals(1, accounts.size());
        assertEquals(List.of("impots:" + newSubject), person.linksOf(accounts.get(0)), "the stale link is replaced");
        assertTrue(Traces.ofIdentity(server, person.identityKey()).stream().anyMatch(t -> t.get("event").asText().equals("idp_relinked")
                && t.get("reason").asText().equals("upstream-subject-changed") && t.get("idp").asText().equals("impots")), "relink traced");
    }

    @Test
    void anIdentityThatChangesOnALinkFollowsTheKeyAndLeavesTheOldAccountAlone(PasserelleServer server) {
        FreshPerson person = FreshPerson.atIdps(server, "impots", "identite-numerique");
        String oldKey = person.identityKey();
        String oldSub = signIn(server, "impots", person);

        // Impôts now says another birthdate for the same upstream account: for the broker, another person.
        person.changeAt("impots", PivotField.BIRTHDATE, "1990-02-04");
        String newKey = person.identityKey();
        String newSub = signIn(server, "impots", person);

        assertNotEquals(oldSub, newSub, "another identity, another sub");
        List<JsonNode> newAccounts = person.brokerAccountsWithKey(newKey);
        List<JsonNode> oldAccounts = person.brokerAccountsWithKey(oldKey);
        assertEquals(1, newAccounts.size(), "one account holds the new key");
        assertEquals(1, oldAccounts.size(), "the old account keeps its own key: two accounts never share one");
        assertEquals(List.of("impots:" + person.upstreamSubjectAt("impots")), person.linksOf(newAccounts.get(0)));
        assertEquals(List.of(), person.linksOf(oldAccounts.get(0)), "the link followed the key");
        assertTrue(Traces.ofIdentity(server, oldKey).stream().anyMatch(t -> t.get("event").asText().equals("idp_relinked")
                && t.get("reason").asText().equals("identity-changed")), "relink traced");

        // Identité Numérique still asserts the old identity: its first login finds the old account, and signs in.
        assertEquals(oldSub, signIn(server, "identite-numerique", person));
        assertEquals(1, person.brokerAccountsWithKey(oldKey).size());
    }

    @Test
    void simultaneousFirstLoginsOfOneNewPersonThroughTwoIdpsAllSucceedWithOneAccountAndOneSub(PasserelleServer server) throws Exception {
        FreshPerson person = FreshPerson.atIdps(server, "impots", "identite-numerique");
        int perIdp = 4;
        List<String> idps = new ArrayList<>();
        List<Browser> browsers = new ArrayList<>();
        List<ServiceProvider.Authorization> authorizations = new ArrayList<>();
        List<Page> idpLogins = new ArrayList<>();
        for (int i = 0; i < 2 * perIdp; i++) {
            String idp = i % 2 == 0 ? "impots" : "identite-numerique";
            Browser browser = LoginFlow.newBrowser();
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
            idps.add(idp);
            browsers.add(browser);
            authorizations.add(authorization);
            idpLogins.add(LoginFlow.chooseIdp(browser, browser.open(authorization.url()), idp));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2 * perIdp);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * perIdp; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    Page callback = LoginFlow.signInAtIdp(browsers.get(n), idpLogins.get(n), person.login(), DemoPeople.PASSWORD);
                    return (String) authorizations.get(n).redeem(callback).idToken().get("sub");
                }));
            }
            go.countDown();
            Set<String> subs = new TreeSet<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                try {
                    subs.add(results.get(i).get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(idps.get(i) + ": " + e.getCause().getMessage().lines().limit(3).toList());
                }
            }
            System.out.printf("Simultaneous first logins: %d of %d succeeded, %d distinct sub, %d account(s)%n",
                    results.size() - failures.size(), results.size(), subs.size(), person.brokerAccounts().size());
            assertEquals(List.of(), failures, "every simultaneous first login succeeds");
            assertEquals(1, subs.size(), "one sub: " + subs);
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> accounts = person.brokerAccounts();
        assertEquals(1, accounts.size(), "one account");
        assertEquals(2, person.linksOf(accounts.get(0)).size(), "both IdPs linked: " + person.linksOf(accounts.get(0)));
    }

    private static String signIn(PasserelleServer server, String idp, FreshPerson person) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, idp, person.login());
        return (String) authorization.redeem(callback).idToken().get("sub");
    }
}
