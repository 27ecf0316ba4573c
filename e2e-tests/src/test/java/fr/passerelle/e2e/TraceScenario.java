package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The trace test, shared by the H2 run ({@link TracesIT}) and the PostgreSQL run ({@link TracesOnPostgresIT}):
 * Marie signs in to demo-sp through each IdP; the trace table then holds each step, with SP, IdP, level,
 * session and identity key, and none of her clear identity.
 */
final class TraceScenario {

    /** Marie's clear identity as her IdPs send it: none of it may be stored in a trace. */
    static final List<String> MARIE_CLEAR_VALUES = List.of("marie", "eloise", "éloïse", "dupont", "1985-03-14", "14/03/1985");

    private TraceScenario() {
    }

    static void run(PasserelleServer server) throws Exception {
        String key = Accounts.identityKeyOf(DemoPeople.MARIE_IMPOTS);
        for (DemoPeople marie : List.of(DemoPeople.MARIE_IMPOTS, DemoPeople.MARIE_IDENTITE_NUMERIQUE)) {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile birth");
            Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, marie);
            authorization.redeem(callback);
        }

        List<JsonNode> traces = Traces.ofIdentity(server, key);
        List<String> events = Traces.events(traces);
        for (String expected : List.of("idp_returned", "identity_accepted", "redirected_to_sp", "sp_token")) {
            assertTrue(events.contains(expected), expected + " traced: " + events);
        }
        for (String idp : List.of("impots", "identite-numerique")) {
            JsonNode connection = traces.stream()
                    .filter(t -> t.get("event").asText().equals("redirected_to_sp") && idp.equals(t.get("idp").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no connection via " + idp + " in " + traces));
            assertEquals("demo-sp", connection.get("sp").asText());
            assertEquals(key, connection.get("identityKey").asText());
            assertFalse(connection.get("sessionId").isNull(), "the broker session is traced");
            // the level column is filled once the eIDAS level check sets Keycloak's level of authentication
            assertTrue(connection.get("scopes").asText().contains("profile"), connection.toString());
        }
        JsonNode token = traces.stream().filter(t -> t.get("event").asText().equals("sp_token")).findFirst().orElseThrow();
        assertEquals("demo-sp", token.get("sp").asText());

        String everything = Traces.all(server).toString().toLowerCase(Locale.ROOT);
        for (String clear : MARIE_CLEAR_VALUES) {
            assertFalse(everything.contains(clear), "the trace table holds '" + clear + "'");
        }
        assertEquals(401, Traces.anonymousStatus(server), "traces are for administrators only");
    }
}
