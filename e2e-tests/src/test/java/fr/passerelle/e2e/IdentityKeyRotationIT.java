package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.IdentityKey;
import fr.passerelle.pivot.PairwiseSub;
import fr.passerelle.pivot.PivotIdentity;
import fr.passerelle.pivot.SubjectKey;

/**
 * Keyed identity keys and secret rotation on a server of its own, as an operator lives them: accounts written the way
 * the broker wrote them before identity keys were keyed (username and key the unkeyed digest of the identity, rows of
 * traces and blocks under it) sign in and keep their {@code sub}, through the IdP they were linked to and through a
 * first login of another; then the server is restarted with version 2 of both secrets, and the people it already knew
 * keep their {@code sub} while a new person gets a {@code v2} one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityKeyRotationIT {

    private static final String DB_USER = "keys";
    private static final String DB_PASSWORD = "keys-test";
    private static final String REALM = "passerelle";

    private PasserelleServer server;
    private String realmId;
    private String sector;

    /** Known before the rotation: Anne (migrated from the unkeyed key), Claire (made under v1). */
    private FreshPerson anne;
    private String anneAccount;
    private FreshPerson claire;
    private String claireSub;
    private String claireAccount;
    /** Made after the rotation. */
    private FreshPerson denis;
    private String denisSub;
    private String denisAccount;

    @BeforeAll
    void start() {
        server = PasserelleServerExtension.startOwn("keycloak-keys", Map.of(),
                List.of("--db-username=" + DB_USER, "--db-password=" + DB_PASSWORD, PlatformSecrets.subOption(PlatformSecrets.SUB_V1)));
        realmId = server.admin().get("/admin/realms/" + REALM).get("id").asText();
        JsonNode demoSp = server.admin().clientByClientId(REALM, "demo-sp");
        sector = demoSp.path("attributes").path("passerelle.sector").asText(demoSp.get("clientId").asText());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void accountsWrittenWithTheUnkeyedKeySignInKeepTheirSubAndTakeTheirTracesAndBlocksAlong() throws Exception {
        anne = FreshPerson.atIdps(server, "impots", "identite-numerique");
        FreshPerson bruno = FreshPerson.atIdps(server, "identite-numerique");
        String anneUnkeyed = SubjectKey.of(anne.pivotIdentity()).hex();
        String brunoUnkeyed = SubjectKey.of(bruno.pivotIdentity()).hex();
        allowAdminToWriteAccountAttributes();
        // Anne: signed in through Impôts with the release before (linked, holder row, a trace, a block on eIDAS).
        anneAccount = writeUnkeyedAccount(anne, anneUnkeyed);
        server.admin().post("/admin/realms/" + REALM + "/users/" + anneAccount + "/federated-identity/impots",
                Map.of("identityProvider", "impots", "userId", anne.upstreamSubjectAt("impots"), "userName", anne.login()));
        // Bruno: an account from before the holder table, found by its attribute alone.
        String brunoAccount = writeUnkeyedAccount(bruno, brunoUnkeyed);
        String traceSession = "before-keyed-keys-" + UUID.randomUUID();
        server.close();
        inDatabase(db -> {
            insert(db, "INSERT INTO PASSERELLE_IDENTITY_KEY (ID, REALM_ID, IDENTITY_KEY, USER_ID) VALUES (?,?,?,?)",
                    realmId + "/" + anneUnkeyed, realmId, anneUnkeyed, anneAccount);
            insert(db, "INSERT INTO PASSERELLE_TRACE (ID, REALM_ID, EVENT, EVENT_TIME, SP_CLIENT_ID, IDP_ALIAS, LEVEL_ACR, SCOPES,"
                            + " SESSION_ID, IDENTITY_KEY) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), realmId, "redirected_to_sp", System.currentTimeMillis() - 86_400_000L, "demo-sp",
                    "impots", "eidas1", "openid", traceSession, anneUnkeyed);
            insert(db, "INSERT INTO PASSERELLE_IDP_BLOCK (ID, REALM_ID, IDENTITY_KEY, IDP_ALIAS, CREATED_AT) VALUES (?,?,?,?,?)",
                    UUID.randomUUID().toString(), realmId, anneUnkeyed, "eidas", System.currentTimeMillis());
        });
        server = server.restart();

        String anneKey = anne.identityKey();
        String anneOldSub = PairwiseSub.compute(PlatformSecrets.SUB_V1, sector, new SubjectKey(anneUnkeyed));
        assertEquals(anneOldSub, signIn("impots", anne), "Anne, linked before, keeps her sub through the link");
        JsonNode account = server.admin().get("/admin/realms/" + REALM + "/users/" + anneAccount);
        assertEquals(anneKey, first(account, UserAttributes.IDENTITY_KEY), "her account moved to her keyed key");
        assertNotEquals(anneUnkeyed, anneKey, "the keyed key is not the digest anyone can compute");
        assertEquals(anneUnkeyed, first(account, UserAttributes.SUBJECT_KEY));
        assertEquals("v1", first(account, UserAttributes.SUB_VERSION));
        assertFalse(account.get("username").asText().matches("[0-9a-f]{64}"), "the username is no key any more: " + account.get("username"));
        assertEquals(List.of(), Traces.ofIdentity(server, anneUnkeyed), "no trace keeps the unkeyed key");
        assertTrue(Traces.ofIdentity(server, anneKey).stream().anyMatch(t -> traceSession.equals(t.path("sessionId").asText())),
                "her trace from before is hers under the new key");

        assertEquals(anneOldSub, signIn("identite-numerique", anne), "a first login through another IdP finds the moved account");
        assertEquals(1, anne.brokerAccountsWithKey(anneKey).size());
        assertEquals(anneAccount, anne.brokerAccountsWithKey(anneKey).get(0).get("id").asText());

        assertEquals(PairwiseSub.compute(PlatformSecrets.SUB_V1, sector, new SubjectKey(brunoUnkeyed)), signIn("identite-numerique", bruno),
                "Bruno, known by his attribute only, keeps his sub");
        List<JsonNode> brunoAccounts = bruno.brokerAccountsWithKey(bruno.identityKey());
        assertEquals(1, brunoAccounts.size(), "one account, not a second one");
        assertEquals(brunoAccount, brunoAccounts.get(0).get("id").asText());

        // A person new to the broker: a keyed key, an opaque username, the current sub version.
        claire = FreshPerson.atIdps(server, "impots", "identite-numerique");
        claireSub = signIn("impots", claire);
        assertTrue(claireSub.endsWith("v1"), claireSub);
        JsonNode claireAccountJson = claire.brokerAccounts().get(0);
        claireAccount = claireAccountJson.get("id").asText();
        assertFalse(claireAccountJson.get("username").asText().contains(claire.identityKey()));
        assertEquals(List.of(), claire.brokerAccountsWithKey(SubjectKey.of(claire.pivotIdentity()).hex()), "nobody holds an unkeyed key");

        server.close();
        inDatabase(db -> {
            assertEquals(List.of(anneKey), column(db, "SELECT IDENTITY_KEY FROM PASSERELLE_IDP_BLOCK WHERE REALM_ID = ? AND IDP_ALIAS = 'eidas'",
                    realmId), "her block follows her");
            assertEquals(List.of(anneAccount), column(db, "SELECT USER_ID FROM PASSERELLE_IDENTITY_KEY WHERE IDENTITY_KEY = ?", anneKey));
            assertEquals(List.of(), column(db, "SELECT USER_ID FROM PASSERELLE_IDENTITY_KEY WHERE IDENTITY_KEY IN (?, ?)", anneUnkeyed, brunoUnkeyed));
            assertEquals(List.of(), column(db, "SELECT ID FROM PASSERELLE_TRACE WHERE IDENTITY_KEY IN (?, ?)", anneUnkeyed, brunoUnkeyed));
            assertEquals(List.of(), column(db, "SELECT ID FROM USER_ENTITY WHERE USERNAME IN (?, ?)", anneUnkeyed, brunoUnkeyed),
                    "no username is a key any more");
        });
    }

    @Test
    @Order(2)
    void afterRotatingBothSecretsToV2EveryoneKnownKeepsTheirSubAndNewPeopleGetV2() throws Exception {
        // The operator configures identity-key secret v2 and names v2 current for both; the sub secret v2 is left to
        // the database (generated once), as the v1 one would have been.
        List<String> rotation = new ArrayList<>(PlatformSecrets.currentVersions("v2", "v2"));
        rotation.add(PlatformSecrets.identityKeyOption(PlatformSecrets.IDENTITY_KEY_V2));
        server = server.restart(rotation);

        String claireKeyV1 = claire.identityKey();
        String claireKeyV2 = IdentityKey.of(PlatformSecrets.IDENTITY_KEY_V2, claire.pivotIdentity()).hex();
        assertEquals(claireSub, signIn("identite-numerique", claire), "Claire keeps her v1 sub");
        assertEquals(List.of(), claire.brokerAccountsWithKey(claireKeyV1), "her account left the v1 key");
        List<JsonNode> claireAccounts = claire.brokerAccountsWithKey(claireKeyV2);
        assertEquals(1, claireAccounts.size());
        assertEquals(claireAccount, claireAccounts.get(0).get("id").asText(), "the same account, under the v2 key");
        assertEquals("v2", first(claireAccounts.get(0), UserAttributes.IDENTITY_KEY_VERSION));
        assertEquals(List.of(), Traces.ofIdentity(server, claireKeyV1), "her traces moved with her");
        assertFalse(Traces.ofIdentity(server, claireKeyV2).isEmpty());

        String anneOldSub = PairwiseSub.compute(PlatformSecrets.SUB_V1, sector, SubjectKey.of(anne.pivotIdentity()));
        assertEquals(anneOldSub, signIn("impots", anne), "Anne, once unkeyed, then v1, keeps her sub");
        assertEquals(anneAccount, anne.brokerAccountsWithKey(IdentityKey.of(PlatformSecrets.IDENTITY_KEY_V2, anne.pivotIdentity()).hex())
                .get(0).get("id").asText());

        denis = FreshPerson.atIdps(server, "impots", "identite-numerique");
        denisSub = signIn("impots", denis);
        assertTrue(denisSub.matches("[0-9a-f]{64}v2"), "a new person gets a v2 sub: " + denisSub);
        assertNotEquals(PairwiseSub.compute(PlatformSecrets.SUB_V1, sector, SubjectKey.of(denis.pivotIdentity())), denisSub);
        assertEquals(denisSub, signIn("identite-numerique", denis), "the same v2 sub through another IdP");
        JsonNode denisAccountJson = denis.brokerAccountsWithKey(IdentityKey.of(PlatformSecrets.IDENTITY_KEY_V2, denis.pivotIdentity()).hex()).get(0);
        denisAccount = denisAccountJson.get("id").asText();
        assertEquals("v2", first(denisAccountJson, UserAttributes.SUB_VERSION));

        // A restart keeps all of it: the generated v2 sub secret is in the database, the v1 one is configured.
        server = server.restart();
        assertEquals(denisSub, signIn("impots", denis));
        assertEquals(claireSub, signIn("impots", claire));
        server.close();
        inDatabase(db -> assertEquals(List.of("passerelle.platform-secret.v2"),
                column(db, "SELECT SERVER_CONFIG_KEY FROM SERVER_CONFIG WHERE SERVER_CONFIG_KEY LIKE 'passerelle.%' ORDER BY 1"),
                "configured secrets are not stored; the unconfigured v2 sub secret was generated once"));
    }

    /**
     * During a rolling restart, a node not yet switched (identity keys still v1) but already given the v2 secret meets
     * people a switched node moved to v2: it finds them, and nobody gets a second account or another sub.
     */
    @Test
    @Order(3)
    void aNodeNotYetSwitchedToTheV2KeyFindsThePeopleASwitchedNodeMoved() {
        server = server.restart(List.of(
                "--spi-identity-provider-mapper--passerelle-pivot-identity-mapper--identity-key-version=v1"));

        assertEquals(claireSub, signIn("impots", claire), "Claire, moved to v2, keeps her sub on a v1 node");
        List<JsonNode> claireAccounts = claire.brokerAccountsWithKey(claire.identityKey());
        assertEquals(1, claireAccounts.size());
        assertEquals(claireAccount, claireAccounts.get(0).get("id").asText(), "the same account, back under her v1 key");
        assertEquals(List.of(), claire.brokerAccountsWithKey(IdentityKey.of(PlatformSecrets.IDENTITY_KEY_V2, claire.pivotIdentity()).hex()));
        assertEquals("v1", first(claireAccounts.get(0), UserAttributes.IDENTITY_KEY_VERSION));
        assertFalse(Traces.ofIdentity(server, claire.identityKey()).isEmpty(), "her traces are under the key the node uses");
        assertEquals(List.of(), Traces.ofIdentity(server, IdentityKey.of(PlatformSecrets.IDENTITY_KEY_V2, claire.pivotIdentity()).hex()));

        assertEquals(denisSub, signIn("identite-numerique", denis), "Denis, made on v2, keeps his v2 sub on a v1 node");
        List<JsonNode> denisAccounts = denis.brokerAccountsWithKey(denis.identityKey());
        assertEquals(1, denisAccounts.size());
        assertEquals(denisAccount, denisAccounts.get(0).get("id").asText(), "no second account");
    }

    private String signIn(String idp, FreshPerson person) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, idp, person.login());
        return (String) authorization.redeem(callback).idToken().get("sub");
    }

    /** The production realm lets administrators see, not write, attributes outside the user profile. */
    private void allowAdminToWriteAccountAttributes() {
        ObjectNode profile = (ObjectNode) server.admin().get("/admin/realms/" + REALM + "/users/profile");
        profile.put("unmanagedAttributePolicy", "ADMIN_EDIT");
        server.admin().put("/admin/realms/" + REALM + "/users/profile", profile);
    }

    /** An account as the broker wrote it before keyed keys: username and identity key the unkeyed digest. */
    private String writeUnkeyedAccount(FreshPerson person, String unkeyedKey) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        person.claims().forEach((claim, value) -> attributes.put(claim, List.of(value)));
        attributes.put(UserAttributes.IDENTITY_KEY, List.of(unkeyedKey));
        PivotIdentity identity = person.pivotIdentity();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", unkeyedKey);
        user.put("enabled", true);
        user.put("firstName", identity.givenName());
        user.put("lastName", identity.familyName());
        user.put("attributes", attributes);
        server.admin().post("/admin/realms/" + REALM + "/users", user);
        JsonNode created = server.admin().findUserByAttribute(REALM, UserAttributes.IDENTITY_KEY, unkeyedKey);
        assertEquals(unkeyedKey, created.get("username").asText());
        return created.get("id").asText();
    }

    private static String first(JsonNode account, String attribute) {
        JsonNode values = account.path("attributes").path(attribute);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private interface DatabaseWork {
        void run(Connection db) throws Exception;
    }

    /** The server's embedded database, opened while the server is stopped. */
    private void inDatabase(DatabaseWork work) throws Exception {
        EmbeddedDatabase.with(server.home(), DB_USER, DB_PASSWORD, db -> {
            work.run(db);
            return null;
        });
    }

    private static void insert(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static List<String> column(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            List<String> column = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    column.add(rows.getString(1));
                }
            }
            return column;
        }
    }
}
