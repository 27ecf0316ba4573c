package fr.passerelle.trace;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.names.EventDetails;
import fr.passerelle.names.TraceEvent;

/**
 * Which traces an observed Keycloak event stands for. An event naming its business event in the
 * {@link TraceEvent#DETAIL} detail is that event; otherwise Keycloak's own event types are read as the
 * steps of a brokered login. Keycloak's events about other things (admin, account, native introspection)
 * stand for no trace.
 */
public final class TraceMapping {

    /** Keycloak's detail names this mapping reads (values of {@code org.keycloak.events.Details}). */
    static final String IDENTITY_PROVIDER = "identity_provider";
    static final String CONSENT = "consent";
    static final String CONSENT_GRANTED = "consent_granted";
    static final String SCOPE = "scope";

    /** Keycloak's error codes for a person declining the consent page. */
    private static final Set<String> DECLINED = Set.of("rejected_by_user", "consent_denied", "access_denied");
    /** Error codes of the level check (eIDAS module): they start with this prefix. */
    private static final String LEVEL_REFUSAL_PREFIX = "loa-";
    private static final Set<String> IDP_RETURN_ERRORS = Set.of(
            "IDENTITY_PROVIDER_LOGIN_ERROR", "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "IDENTITY_PROVIDER_POST_LOGIN_ERROR");

    private TraceMapping() {
    }

    public static List<TraceRecord> traces(ObservedEvent observed) {
        Optional<TraceEvent> named = Optional.ofNullable(observed.detail(EventDetails.EVENT)).flatMap(TraceEvent::fromCode);
        if (named.isPresent()) {
            return List.of(record(named.get(), observed));
        }
        String type = observed.type();
        // Keycloak also reports a post-broker-login flow that an authenticator failed as IDENTITY_PROVIDER_POST_LOGIN
        // (it sends the event after the flow whatever its outcome): the refusing authenticator names its reason.
        boolean refused = IDP_RETURN_ERRORS.contains(type)
                || type.equals("IDENTITY_PROVIDER_POST_LOGIN") && observed.detail(EventDetails.REASON) != null;
        if (refused) {
            TraceEvent refusal = reason(observed) != null && reason(observed).startsWith(LEVEL_REFUSAL_PREFIX)
                    ? TraceEvent.LEVEL_INSUFFICIENT : TraceEvent.IDENTITY_REFUSED;
            return List.of(record(TraceEvent.IDP_RETURNED, observed).withReason(null), record(refusal, observed));
        }
        return switch (type) {
            case "IDENTITY_PROVIDER_POST_LOGIN" ->
                    List.of(record(TraceEvent.IDP_RETURNED, observed), record(TraceEvent.IDENTITY_ACCEPTED, observed));
            case "LOGIN" -> CONSENT_GRANTED.equals(observed.detail(CONSENT))
                    ? List.of(record(TraceEvent.CONSENT_GIVEN, observed), record(TraceEvent.REDIRECTED_TO_SP, observed))
                    : List.of(record(TraceEvent.REDIRECTED_TO_SP, observed));
            case "LOGIN_ERROR" -> observed.error() != null && DECLINED.contains(observed.error())
                    ? List.of(record(TraceEvent.CONSENT_DECLINED, observed)) : List.of();
            case "GRANT_CONSENT" -> List.of(record(TraceEvent.CONSENT_GIVEN, observed));
            case "CODE_TO_TOKEN" -> List.of(record(TraceEvent.SP_TOKEN, observed));
            case "LOGOUT" -> List.of(record(TraceEvent.LOGOUT, observed));
            default -> List.of();
        };
    }

    private static TraceRecord record(TraceEvent event, ObservedEvent observed) {
        ObservedEvent.SessionFacts facts = observed.session();
        boolean checktoken = event == TraceEvent.CHECKTOKEN_OK || event == TraceEvent.CHECKTOKEN_INVALID_TOKEN
                || event == TraceEvent.CHECKTOKEN_INVALID_CLIENT || event == TraceEvent.CHECKTOKEN_INVALID_REQUEST;
        String dp = first(observed.detail(EventDetails.DP), checktoken ? observed.clientId() : null);
        String sp = checktoken ? observed.detail(EventDetails.SP) : first(observed.detail(EventDetails.SP), observed.clientId());
        // One construction, so that each field is checked once (every traced call builds these).
        return new TraceRecord(event, observed.time(), sp, first(observed.detail(IDENTITY_PROVIDER), facts.idp()),
                first(observed.detail(EventDetails.LEVEL), facts.level()),
                first(observed.detail(EventDetails.SCOPES), observed.detail(SCOPE), facts.scopes()), dp, observed.sessionId(),
                facts.identityKey(), reason(observed));
    }

    private static String reason(ObservedEvent observed) {
        return first(observed.detail(EventDetails.REASON), observed.error());
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
