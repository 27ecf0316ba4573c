package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.passerelle.names.EventDetails;
import fr.passerelle.names.TraceEvent;

class TraceMappingTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final String KEY = "a".repeat(64);
    private static final ObservedEvent.SessionFacts MARIE = new ObservedEvent.SessionFacts(KEY, "impots", "eidas2", "openid profile");

    private static List<TraceEvent> events(List<TraceRecord> records) {
        return records.stream().map(TraceRecord::event).toList();
    }

    @Test
    void aSuccessfulLoginIsARedirectionToTheSpWithItsSessionFacts() {
        ObservedEvent login = new ObservedEvent("LOGIN", null, Map.of("identity_provider", "impots"), "demo-sp", "s1", T, MARIE);

        List<TraceRecord> traces = TraceMapping.traces(login);

        assertEquals(List.of(TraceEvent.REDIRECTED_TO_SP), events(traces));
        TraceRecord trace = traces.get(0);
        assertEquals("demo-sp", trace.sp());
        assertEquals("impots", trace.idp());
        assertEquals("eidas2", trace.level());
        assertEquals("openid profile", trace.scopes());
        assertEquals("s1", trace.sessionId());
        assertEquals(KEY, trace.identityKey());
        assertEquals(T, trace.time());
        assertNull(trace.dp());
    }

    @Test
    void aLoginRightAfterTheConsentPageIsConsentGivenThenRedirection() {
        ObservedEvent login = new ObservedEvent("LOGIN", null, Map.of("consent", "consent_granted"), "demo-sp", "s1", T, MARIE);

        assertEquals(List.of(TraceEvent.CONSENT_GIVEN, TraceEvent.REDIRECTED_TO_SP), events(TraceMapping.traces(login)));
    }

    @Test
    void aDeclinedConsentIsConsentDeclined() {
        ObservedEvent declined = new ObservedEvent("LOGIN_ERROR", "rejected_by_user", Map.of(), "demo-sp", null, T, MARIE);

        List<TraceRecord> traces = TraceMapping.traces(declined);

        assertEquals(List.of(TraceEvent.CONSENT_DECLINED), events(traces));
        assertEquals("rejected_by_user", traces.get(0).reason());
    }

    @Test
    void otherLoginErrorsAreNoBusinessEvent() {
        assertEquals(List.of(), TraceMapping.traces(new ObservedEvent("LOGIN_ERROR", "invalid_redirect_uri", Map.of(), "demo-sp", null, T, null)));
    }

    @Test
    void theEndOfThePostBrokerLoginFlowIsIdpReturnedAndIdentityAccepted() {
        ObservedEvent post = new ObservedEvent("IDENTITY_PROVIDER_POST_LOGIN", null, Map.of(), "demo-sp", null, T, MARIE);

        assertEquals(List.of(TraceEvent.IDP_RETURNED, TraceEvent.IDENTITY_ACCEPTED), events(TraceMapping.traces(post)));
    }

    @Test
    void aRefusedIdentityKeepsItsStableReason() {
        ObservedEvent refused = new ObservedEvent("IDENTITY_PROVIDER_LOGIN_ERROR", "pivot-birthplace-invalid",
                Map.of("identity_provider", "impots"), "demo-sp", null, T, null);

        List<TraceRecord> traces = TraceMapping.traces(refused);

        assertEquals(List.of(TraceEvent.IDP_RETURNED, TraceEvent.IDENTITY_REFUSED), events(traces));
        assertNull(traces.get(0).reason());
        assertEquals("pivot-birthplace-invalid", traces.get(1).reason());
        assertEquals("impots", traces.get(1).idp());
    }

    @Test
    void aPostBrokerLoginThatAnAuthenticatorRefusedIsARefusalWithItsReason() {
        ObservedEvent blocked = new ObservedEvent("IDENTITY_PROVIDER_POST_LOGIN", null,
                Map.of(EventDetails.REASON, "idp_blocked", "identity_provider", "impots"), "demo-sp", null, T, MARIE);

        List<TraceRecord> traces = TraceMapping.traces(blocked);

        assertEquals(List.of(TraceEvent.IDP_RETURNED, TraceEvent.IDENTITY_REFUSED), events(traces));
        assertEquals("idp_blocked", traces.get(1).reason());
        assertNull(traces.get(0).reason());
    }

    @Test
    void aLevelRefusalIsLevelInsufficient() {
        ObservedEvent refused = new ObservedEvent("IDENTITY_PROVIDER_POST_LOGIN_ERROR", "loa-insufficient", Map.of(), "demo-sp", null, T, null);

        assertEquals(List.of(TraceEvent.IDP_RETURNED, TraceEvent.LEVEL_INSUFFICIENT), events(TraceMapping.traces(refused)));
    }

    @Test
    void aFreeTextErrorIsNotStoredAsReason() {
        ObservedEvent refused = new ObservedEvent("IDENTITY_PROVIDER_LOGIN_ERROR", "Marie DUPONT born 1985-03-14", Map.of(), null, null, T, null);

        assertEquals(TraceRecord.OTHER_REASON, TraceMapping.traces(refused).get(1).reason());
    }

    @Test
    void codeToTokenIsSpTokenWithTheGrantedScopes() {
        ObservedEvent token = new ObservedEvent("CODE_TO_TOKEN", null, Map.of("scope", "openid dgfip_rfr"), "demo-sp", "s1", T, MARIE);

        List<TraceRecord> traces = TraceMapping.traces(token);

        assertEquals(List.of(TraceEvent.SP_TOKEN), events(traces));
        assertEquals("openid dgfip_rfr", traces.get(0).scopes());
    }

    @Test
    void checktokenNamesItsOutcomeAndTheDpAndTheScopesReturned() {
        ObservedEvent check = new ObservedEvent("INTROSPECT_TOKEN", null,
                Map.of(EventDetails.EVENT, "checktoken_ok", EventDetails.DP, "demo-dp", EventDetails.SCOPES, "dgfip_rfr",
                        EventDetails.SP, "demo-sp"),
                "demo-dp", "s1", T, MARIE);

        List<TraceRecord> traces = TraceMapping.traces(check);

        assertEquals(List.of(TraceEvent.CHECKTOKEN_OK), events(traces));
        TraceRecord trace = traces.get(0);
        assertEquals("demo-dp", trace.dp());
        assertEquals("demo-sp", trace.sp());
        assertEquals("dgfip_rfr", trace.scopes());
        assertEquals(KEY, trace.identityKey());
    }

    @Test
    void aChecktokenWithBadCredentialsIsTracedAsSuch() {
        ObservedEvent check = new ObservedEvent("INTROSPECT_TOKEN_ERROR", "invalid_client_credentials",
                Map.of(EventDetails.EVENT, "checktoken_invalid_client"), "demo-dp", null, T, null);

        List<TraceRecord> traces = TraceMapping.traces(check);

        assertEquals(List.of(TraceEvent.CHECKTOKEN_INVALID_CLIENT), events(traces));
        assertEquals("demo-dp", traces.get(0).dp());
        assertNull(traces.get(0).sp(), "the DP is not the SP");
    }

    @Test
    void keycloaksOwnIntrospectionIsNotAChecktoken() {
        assertEquals(List.of(), TraceMapping.traces(new ObservedEvent("INTROSPECT_TOKEN", null, Map.of(), "demo-dp", null, T, null)));
    }

    @Test
    void anyComponentCanNameTheStepItTraces() {
        ObservedEvent chosen = new ObservedEvent("CUSTOM_REQUIRED_ACTION", null,
                Map.of(EventDetails.EVENT, "consent_shown", "identity_provider", "eidas"), "demo-sp", null, T, null);

        List<TraceRecord> traces = TraceMapping.traces(chosen);

        assertEquals(List.of(TraceEvent.CONSENT_SHOWN), events(traces));
        assertEquals("eidas", traces.get(0).idp());
    }

    @Test
    void logoutIsLogout() {
        assertEquals(List.of(TraceEvent.LOGOUT), events(TraceMapping.traces(new ObservedEvent("LOGOUT", null, Map.of(), "demo-sp", "s1", T, MARIE))));
    }

    @Test
    void everyEventCodeReadsBack() {
        for (TraceEvent event : TraceEvent.values()) {
            assertEquals(event, TraceEvent.fromCode(event.code()).orElseThrow());
            assertTrue(event.code().matches("[a-z_]+"));
        }
    }

    /** The listener gathers session facts only for events that are traced: whether one is must not depend on them. */
    @net.jqwik.api.Property
    void whetherAnEventIsTracedDoesNotDependOnTheSessionFacts(
            @net.jqwik.api.ForAll("types") String type, @net.jqwik.api.ForAll("errors") String error,
            @net.jqwik.api.ForAll("eventDetails") Map<String, String> details) {
        ObservedEvent bare = new ObservedEvent(type, error, details, "demo-sp", "s1", T, ObservedEvent.SessionFacts.NONE);
        ObservedEvent withFacts = new ObservedEvent(type, error, details, "demo-sp", "s1", T, MARIE);
        assertEquals(TraceMapping.traces(bare).isEmpty(), TraceMapping.traces(withFacts).isEmpty());
        assertEquals(events(TraceMapping.traces(bare)), events(TraceMapping.traces(withFacts)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> types() {
        return net.jqwik.api.Arbitraries.of("LOGIN", "LOGIN_ERROR", "CODE_TO_TOKEN", "LOGOUT", "GRANT_CONSENT", "INTROSPECT_TOKEN",
                "USER_INFO_REQUEST", "REFRESH_TOKEN", "IDENTITY_PROVIDER_POST_LOGIN", "IDENTITY_PROVIDER_LOGIN_ERROR",
                "IDENTITY_PROVIDER_FIRST_LOGIN", "CUSTOM_REQUIRED_ACTION", "CLIENT_LOGIN");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> errors() {
        return net.jqwik.api.Arbitraries.of("consent_denied", "invalid_token", "loa-insufficient", "user_not_found").injectNull(0.5);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Map<String, String>> eventDetails() {
        net.jqwik.api.Arbitrary<String> names = net.jqwik.api.Arbitraries.of(EventDetails.EVENT, EventDetails.REASON, "consent",
                "identity_provider", "scope");
        net.jqwik.api.Arbitrary<String> values = net.jqwik.api.Arbitraries.of(TraceEvent.CHECKTOKEN_OK.code(), TraceEvent.LOGOUT.code(),
                "consent_granted", "impots", "loa-x", "openid", "nonsense");
        return net.jqwik.api.Arbitraries.maps(names, values).ofMaxSize(3);
    }
}
