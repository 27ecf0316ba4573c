package fr.passerelle.trace.keycloak;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.names.EventDetails;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.trace.BatchWriter;
import fr.passerelle.trace.LevelNames;
import fr.passerelle.trace.ObservedEvent;
import fr.passerelle.trace.TraceMapping;
import fr.passerelle.trace.TraceRecord;

/**
 * Writes the business events a Keycloak event stands for to the realm's trace table, in the transaction
 * the event is sent in (the request's for successes, a fresh one for errors); the traces of token checks go, once
 * that transaction committed, to the node's batch writer instead.
 */
public class TraceEventListener implements EventListenerProvider {

    static final Logger LOG = Logger.getLogger("fr.passerelle.trace");

    private final KeycloakSession session;
    private final BatchWriter<QueuedTrace> writer;

    /** @param writer the node's trace writer, or null when every trace is written in its event's transaction */
    public TraceEventListener(KeycloakSession session, BatchWriter<QueuedTrace> writer) {
        this.session = session;
        this.writer = writer;
    }

    @Override
    public void onEvent(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        // Whether an event is traced depends on its type and details only: the session facts, which cost cache reads,
        // are gathered for traced events alone (not, say, for every native token introspection).
        ObservedEvent bare = new ObservedEvent(event.getType().name(), event.getError(), event.getDetails(),
                event.getClientId(), event.getSessionId(), Instant.ofEpochMilli(event.getTime()), ObservedEvent.SessionFacts.NONE);
        if (TraceMapping.traces(bare).isEmpty()) {
            return;
        }
        UserSessionModel userSession = userSession(realm, event);
        // A token names its session by its sector's alias: the trace keeps the session's own id, as logins record it.
        String sessionId = userSession != null ? userSession.getId() : bare.sessionId();
        ObservedEvent observed = new ObservedEvent(bare.type(), bare.error(), bare.details(), bare.clientId(), sessionId,
                bare.time(), facts(realm, event, userSession));
        List<TraceRecord> traces = TraceMapping.traces(observed);
        for (TraceRecord trace : traces) {
            if (writer != null && QueuedTrace.batched(trace.event())) {
                queueAfterCommit(new QueuedTrace(realm.getId(), trace));
            } else {
                new TraceStore(session).add(realm, trace);
            }
        }
        if (LOG.isDebugEnabled()) {
            traces.forEach(t -> LOG.debugf("trace %s sp=%s idp=%s level=%s dp=%s", t.event().code(), t.sp(), t.idp(), t.level(), t.dp()));
        }
    }

    /**
     * Hands the trace to the writer once the event's transaction committed (a rolled-back call leaves no trace, as
     * when the row was in its transaction). When the queue is full the call writes it itself, in a transaction of its
     * own, before its answer leaves: never dropped, never waiting for room.
     */
    private void queueAfterCommit(QueuedTrace trace) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                if (!writer.offer(trace)) {
                    TraceEventListenerFactory.write(factory, List.of(trace));
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    /** What the user session (or, during a login, the authentication session) tells about the person. */
    private UserSessionModel userSession(RealmModel realm, Event event) {
        try {
            return event.getSessionId() == null ? null : session.sessions().getUserSession(realm, event.getSessionId());
        } catch (RuntimeException e) {
            LOG.debugf(e, "could not read the session of a %s event", event.getType());
            return null;
        }
    }

    private ObservedEvent.SessionFacts facts(RealmModel realm, Event event, UserSessionModel userSession) {
        try {
            AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
            UserModel user = userSession != null ? userSession.getUser()
                    : event.getUserId() != null ? session.users().getUserById(realm, event.getUserId())
                    : authSession != null ? authSession.getAuthenticatedUser() : null;
            // The client session is read for the level and the scopes only: an event that states both (checktoken's do,
            // whose client is the DP, with no client session of its own) spares the lookup.
            Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
            boolean stated = details.get(EventDetails.LEVEL) != null
                    && (details.get(EventDetails.SCOPES) != null || details.get(Details.SCOPE) != null);
            ClientModel client = event.getClientId() == null || stated ? null : realm.getClientByClientId(event.getClientId());
            AuthenticatedClientSessionModel clientSession = userSession != null && client != null
                    ? userSession.getAuthenticatedClientSessionByClient(client.getId()) : null;

            String identityKey = user == null ? null : user.getFirstAttribute(UserAttributes.IDENTITY_KEY);
            // During a login the user session may already exist while its notes are still on the authentication session.
            String idp = first(userSession == null ? null : userSession.getNote(Details.IDENTITY_PROVIDER),
                    authSession == null ? null : authSession.getUserSessionNotes().get(Details.IDENTITY_PROVIDER),
                    authSession == null ? null : brokeredIdp(authSession));
            String level = first(clientSession == null ? null : clientSession.getNote(Constants.LEVEL_OF_AUTHENTICATION),
                    authSession == null ? null : authSession.getAuthNote(Constants.LEVEL_OF_AUTHENTICATION));
            String scopes = first(clientSession == null ? null : clientSession.getNote(OIDCLoginProtocol.SCOPE_PARAM),
                    authSession == null ? null : authSession.getClientNote(OIDCLoginProtocol.SCOPE_PARAM));
            return new ObservedEvent.SessionFacts(identityKey, idp, acr(realm, level), scopes);
        } catch (RuntimeException e) {
            // A trace without its session facts beats a login broken by the audit trail.
            LOG.debugf(e, "could not read the session of a %s event", event.getType());
            return ObservedEvent.SessionFacts.NONE;
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String brokeredIdp(AuthenticationSessionModel authSession) {
        SerializedBrokeredIdentityContext context = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                authSession, PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        return context == null ? null : context.getIdentityProviderId();
    }

    private static String acr(RealmModel realm, String level) {
        return level == null ? null : LevelNames.acrOfNote(level, AcrUtils.getAcrLoaMap(realm));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Administration is audited by Keycloak's admin events, not by business traces.
    }

    @Override
    public void close() {
    }
}
