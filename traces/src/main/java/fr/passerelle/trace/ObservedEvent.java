package fr.passerelle.trace;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the broker observed, in plain terms: a Keycloak event (its type name such as {@code LOGIN} or
 * {@code LOGIN_ERROR}, error code, details, client, session and time) plus what the shell could learn
 * about the session it belongs to.
 *
 * @param type      the Keycloak event type name
 * @param error     the Keycloak error code, or null
 * @param details   the event's details (never null)
 * @param clientId  the client the event is about, or null
 * @param sessionId the user session id, or null
 * @param time      when it happened
 * @param session   what is known of the person's session
 */
public record ObservedEvent(String type, String error, Map<String, String> details, String clientId, String sessionId,
                            Instant time, SessionFacts session) {

    public ObservedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        details = details == null ? Map.of() : Map.copyOf(details);
        session = session == null ? SessionFacts.NONE : session;
    }

    public String detail(String name) {
        return details.get(name);
    }

    /**
     * What the shell found about the person's session (user, user session or authentication session).
     *
     * @param identityKey the identity key of the person, or null
     * @param idp         the alias of the IdP the session was opened with, or null
     * @param level       the acr value achieved, or null
     * @param scopes      the scopes granted to the client, or null
     */
    public record SessionFacts(String identityKey, String idp, String level, String scopes) {
        public static final SessionFacts NONE = new SessionFacts(null, null, null, null);
    }
}
