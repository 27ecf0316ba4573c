package fr.passerelle.e2e;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentity;
import fr.passerelle.pivot.PivotIdentityValidator;

/**
 * A person nobody has seen yet, given an account at the demo IdPs through the admin API: each test that needs a
 * first login, a re-issued account or a changed identity gets its own, so tests never depend on each other's order.
 */
final class FreshPerson {

    static final Map<String, String> IDP_REALMS = Map.of("impots", "idp-impots", "identite-numerique", "idp-identite-numerique");
    private static final Map<String, String> IDP_LEVELS = Map.of("impots", "eidas1", "identite-numerique", "eidas2");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasserelleServer server;
    private final String login;
    private final Map<PivotField, String> identity;

    private FreshPerson(PasserelleServer server, String login, Map<PivotField, String> identity) {
        this.server = server;
        this.login = login;
        this.identity = identity;
    }

    /** A new person with an account at each given IdP (broker aliases), same identity everywhere. */
    static FreshPerson atIdps(PasserelleServer server, String... idps) {
        String suffix = letters(8);
        Map<PivotField, String> identity = new EnumMap<>(PivotField.class);
        identity.put(PivotField.GIVEN_NAME, "Camille");
        identity.put(PivotField.FAMILY_NAME, "ESSAI" + suffix);
        identity.put(PivotField.BIRTHDATE, "1990-02-03");
        identity.put(PivotField.GENDER, "female");
        identity.put(PivotField.BIRTHPLACE, "75056");
        identity.put(PivotField.BIRTHCOUNTRY, "99100");
        FreshPerson person = new FreshPerson(server, "fresh-" + suffix.toLowerCase(), identity);
        for (String idp : idps) {
            person.createAt(idp);
        }
        return person;
    }

    String login() {
        return login;
    }

    /** The identity key the broker computes from what the IdPs send. */
    String identityKey() {
        return PlatformSecrets.identityKey(pivotIdentity());
    }

    /** The pivot identity the broker reads from what the IdPs send. */
    PivotIdentity pivotIdentity() {
        PivotIdentityValidator.Result result = PivotIdentityValidator.validate(
                field -> identity.containsKey(field) ? List.of(identity.get(field)) : List.of(), PivotIdentityValidator.Profile.FRENCH);
        return ((PivotIdentityValidator.Valid) result).identity();
    }

    /** The person's claims as an IdP sends them (claim name, value). */
    Map<String, String> claims() {
        Map<String, String> claims = new LinkedHashMap<>();
        identity.forEach((field, value) -> claims.put(field.claim(), value));
        return claims;
    }

    /** The IdP deletes the person's account and creates a new one for the same identity: a new upstream subject. */
    void reissueAt(String idp) {
        server.admin().delete("/admin/realms/" + IDP_REALMS.get(idp) + "/users/" + upstreamSubjectAt(idp));
        createAt(idp);
    }

    /** What the IdP says about the person changes (a correction of the birthdate, say) for the same upstream account. */
    void changeAt(String idp, PivotField field, String value) {
        identity.put(field, value);
        JsonNode user = server.admin().get("/admin/realms/" + IDP_REALMS.get(idp) + "/users/" + upstreamSubjectAt(idp));
        com.fasterxml.jackson.databind.node.ObjectNode changed = user.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.get("attributes")).putArray(field.claim()).add(value);
        server.admin().put("/admin/realms/" + IDP_REALMS.get(idp) + "/users/" + upstreamSubjectAt(idp), changed);
    }

    /** The person's account id at the IdP, which the demo IdPs send as {@code sub}. */
    String upstreamSubjectAt(String idp) {
        JsonNode users = server.admin().get("/admin/realms/" + IDP_REALMS.get(idp) + "/users?exact=true&username=" + login);
        if (users.isEmpty()) {
            throw new IllegalStateException("no account " + login + " at " + idp);
        }
        return users.get(0).get("id").asText();
    }

    /** The broker accounts holding the person's identity key. */
    List<JsonNode> brokerAccounts() {
        return brokerAccountsWithKey(identityKey());
    }

    List<JsonNode> brokerAccountsWithKey(String key) {
        JsonNode users = server.admin().get("/admin/realms/passerelle/users?briefRepresentation=false&exact=true&q="
                + java.net.URLEncoder.encode("passerelle.identity-key:" + key, java.nio.charset.StandardCharsets.UTF_8));
        List<JsonNode> accounts = new ArrayList<>();
        users.forEach(accounts::add);
        return accounts;
    }

    /** The IdP links (alias and upstream subject) of a broker account. */
    List<String> linksOf(JsonNode account) {
        JsonNode links = server.admin().get("/admin/realms/passerelle/users/" + account.get("id").asText() + "/federated-identity");
        List<String> result = new ArrayList<>();
        links.forEach(link -> result.add(link.get("identityProvider").asText() + ":" + link.get("userId").asText()));
        return result;
    }

    private void createAt(String idp) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("given_name", List.of(identity.get(PivotField.GIVEN_NAME)));
        attributes.put("family_name", List.of(identity.get(PivotField.FAMILY_NAME)));
        attributes.put("birthdate", List.of(identity.get(PivotField.BIRTHDATE)));
        attributes.put("gender", List.of(identity.get(PivotField.GENDER)));
        attributes.put("birthplace", List.of(identity.get(PivotField.BIRTHPLACE)));
        attributes.put("birthcountry", List.of(identity.get(PivotField.BIRTHCOUNTRY)));
        attributes.put("acr", List.of(IDP_LEVELS.get(idp)));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", login);
        user.put("enabled", true);
        user.put("firstName", identity.get(PivotField.GIVEN_NAME));
        user.put("lastName", identity.get(PivotField.FAMILY_NAME));
        user.put("email", login + "@example.org");
        user.put("attributes", attributes);
        user.put("credentials", List.of(Map.of("type", "password", "value", DemoPeople.PASSWORD, "temporary", false)));
        server.admin().post("/admin/realms/" + IDP_REALMS.get(idp) + "/users", user);
    }

    private static String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }
}
