package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.passerelle.names.TraceEvent;

/**
 * Walks the demo through every business step and reads the trace table back: each {@link TraceEvent} the
 * suite declares is written at least once, with the columns that say what the step was about (the service,
 * the IdP, the level, the reason) filled.
 */
@ExtendWith(PasserelleServerExtension.class)
class TraceEventsIT {

    private static final String TAX_DATA = "openid profile birth dgfip_rfr";
    private static final String ESSENTIAL_EIDAS3 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"eidas3\"]}}}";

    /** The columns each event must fill. A trace event missing here makes the test fail: every event is walked. */
    private static final Map<TraceEvent, Set<String>> COLUMNS = new EnumMap<>(Map.ofEntries(
            Map.entry(TraceEvent.IDP_RETURNED, Set.of("sp", "idp", "level")),
            Map.entry(TraceEvent.IDENTITY_ACCEPTED, Set.of("sp", "idp", "level", "identityKey")),
            Map.entry(TraceEvent.IDENTITY_REFUSED, Set.of("sp", "idp", "reason", "identityKey")),
            Map.entry(TraceEvent.LEVEL_INSUFFICIENT, Set.of("sp", "idp", "level", "reason")),
            Map.entry(TraceEvent.CONSENT_SHOWN, Set.of("sp", "idp", "level", "scopes", "identityKey")),
            Map.entry(TraceEvent.CONSENT_GIVEN, Set.of("sp", "idp", "level", "scopes", "identityKey")),
            Map.entry(TraceEvent.CONSENT_DECLINED, Set.of("sp", "idp", "level", "scopes", "reason", "identityKey")),
            Map.entry(TraceEvent.REDIRECTED_TO_SP, Set.of("sp", "idp", "level", "scopes", "sessionId", "identityKey")),
            Map.entry(TraceEvent.SP_TOKEN, Set.of("sp", "idp", "level", "sessionId", "identityKey")),
            Map.entry(TraceEvent.CHECKTOKEN_OK, Set.of("dp", "sp", "idp", "level", "scopes", "identityKey")),
            Map.entry(TraceEvent.CHECKTOKEN_INVALID_TOKEN, Set.of("dp", "reason")),
            Map.entry(TraceEvent.CHECKTOKEN_INVALID_CLIENT, Set.of("reason")),
            Map.entry(TraceEvent.CHECKTOKEN_INVALID_REQUEST, Set.of("dp", "reason")),
            Map.entry(TraceEvent.LOGOUT, Set.of("sp", "sessionId", "identityKey"))));

    /** Events no demo walk produces, each with the test that makes it happen and asserts its trace. */
    private static final Map<TraceEvent, String> WALKED_ELSEWHERE = Map.of(
            TraceEvent.IDP_RELINKED, "IdentityFollowsTheKeyIT (an IdP re-issues an account; an identity changes on a link)");

    @Test
    void walkingTheDemoWritesEveryBusinessEventWithItsColumns(PasserelleServer server) {
        Set<TraceEvent> walked = new HashSet<>(COLUMNS.keySet());
        walked.addAll(WALKED_ELSEWHERE.keySet());
        assertEquals(Set.of(TraceEvent.values()), walked, "every declared trace event is walked by this test or named with the test that does");
        long start = System.currentTimeMillis();

        // Marie signs in with her tax account and agrees to share her tax income; the city redeems its code.
        ServiceProvider sp = ServiceProvider.demoSp(server);
        ServiceProvider.Authorization marie = sp.authorize(TAX_DATA);
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, marie, DemoPeople.MARIE_IMPOTS);
        Tokens tokens = marie.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));

        // The data provider asks about her token, then makes the three mistakes a DP can make.
        DataProvider dp = DataProvider.demoDp(server);
        assertTrue(dp.checkTokenJson(tokens.accessToken()).get("active").asBoolean());
        assertFalse(dp.checkTokenJson("not-a-token").get("active").asBoolean());
        assertEquals(400, dp.checkToken(null, "application/json").statusCode());
        assertEquals(401, new DataProvider(server, "demo-dp", "wrong-secret").checkToken(tokens.accessToken(), "application/json").statusCode());
        // A wrong secret is counted, not traced; a signed-in client that is no data provider is traced.
        assertEquals(403, new DataProvider(server, "demo-sp", "demo-sp-secret").checkToken(tokens.accessToken(), "application/json").statusCode());

        // Lucas declines to share his data.
        ServiceProvider.Authorization lucas = sp.authorize(TAX_DATA);
        Browser lucasBrowser = LoginFlow.newBrowser();
        Page declined = lucasBrowser.submit(LoginFlow.signIn(lucasBrowser, lucas, DemoPeople.LUCAS), "#passerelle-consent-form", Map.of("cancel", ""));
        assertEquals("access_denied", declined.params().get("error"));

        // Elena's eIDAS node cannot give the eidas3 the city insists on.
        ServiceProvider.Authorization elena = sp.authorize("openid").with("claims", ESSENTIAL_EIDAS3);
        Browser elenaBrowser = LoginFlow.newBrowser();
        Page refusedForLevel = LoginFlow.signInAtIdp(elenaBrowser, LoginFlow.chooseIdp(elenaBrowser, elenaBrowser.open(elena.url()), "eidas"),
                DemoPeople.ELENA.login(), DemoPeople.PASSWORD);
        assertTrue(refusedForLevel.text().contains("loa-insufficient"), refusedForLevel.text());

        // Marie signs out of the city (before the block below, which would end that session itself).
        sp.logout(tokens.refreshToken());

        // Marie blocks her tax account from her dashboard (signed in through her other IdP); her next login there is refused.
        Browser dashboardBrowser = new Browser();
        Page dashboard = LoginFlow.signInAtIdp(dashboardBrowser,
                LoginFlow.chooseIdp(dashboardBrowser, dashboardBrowser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/"), "identite-numerique"),
                DemoPeople.MARIE_IDENTITE_NUMERIQUE.login(), DemoPeople.PASSWORD);
        try {
            dashboardBrowser.submit(dashboard, "tr[data-idp=impots] form.block", Map.of());
            Page refused = LoginFlow.signIn(LoginFlow.newBrowser(), sp.authorize("openid"), DemoPeople.MARIE_IMPOTS);
            assertEquals(403, refused.status(), refused.text());
        } finally {
            Page current = dashboardBrowser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
            if (current.has("tr[data-idp=impots] form.unblock")) {
                dashboardBrowser.submit(current, "tr[data-idp=impots] form.unblock", Map.of());
            }
        }


        List<JsonNode> traces = Traces.all(server).stream().filter(t -> t.get("time").asLong() >= start).toList();
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach((event, columns) -> {
            boolean written = traces.stream().anyMatch(t -> t.get("event").asText().equals(event.code())
                    && columns.stream().allMatch(column -> filled(t, column)));
            if (!written) {
                missing.add(event.code() + " with " + columns + ": " + traces.stream().filter(t -> t.get("event").asText().equals(event.code())).toList());
            }
        });
        assertTrue(missing.isEmpty(), "not written with their columns:\n" + String.join("\n", missing));

        assertTrace(traces, TraceEvent.CHECKTOKEN_OK, Map.of("dp", "demo-dp", "sp", "demo-sp", "idp", "impots", "level", "eidas1", "scopes", "dgfip_rfr"));
        assertTrace(traces, TraceEvent.CONSENT_DECLINED, Map.of("sp", "demo-sp", "idp", "identite-numerique"));
        assertTrace(traces, TraceEvent.LEVEL_INSUFFICIENT, Map.of("sp", "demo-sp", "idp", "eidas", "level", "eidas3", "reason", "loa-insufficient"));
        assertTrace(traces, TraceEvent.IDENTITY_REFUSED, Map.of("sp", "demo-sp", "idp", "impots", "reason", "idp_blocked"));
        assertTrace(traces, TraceEvent.REDIRECTED_TO_SP, Map.of("sp", "demo-sp", "idp", "impots", "level", "eidas1"));
        assertTrace(traces, TraceEvent.CHECKTOKEN_INVALID_REQUEST, Map.of("dp", "demo-dp"));
    }

    private static boolean filled(JsonNode trace, String column) {
        JsonNode value = trace.get(column);
        return value != null && !value.isNull() && !value.asText().isBlank();
    }

    /** At least one trace of this event holds these values. */
    private static void assertTrace(List<JsonNode> traces, TraceEvent event, Map<String, String> values) {
        boolean found = traces.stream().anyMatch(t -> t.get("event").asText().equals(event.code())
                && values.entrySet().stream().allMatch(e -> filled(t, e.getKey()) && t.get(e.getKey()).asText().equals(e.getValue())));
        assertTrue(found, event.code() + " with " + values + " in "
                + traces.stream().filter(t -> t.get("event").asText().equals(event.code())).toList());
    }
}
