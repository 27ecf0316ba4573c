package fr.passerelle.loa.keycloak;

import java.util.Optional;

import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import fr.passerelle.loa.EidasLevel;
import fr.passerelle.loa.IdpAccess;
import fr.passerelle.loa.OptionState;
import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.EventDetails;
import fr.passerelle.names.SessionNotes;
import fr.passerelle.names.TraceEvent;

/**
 * Client policy executor on the refresh-token grant: a service that keeps a session without the person gets new
 * tokens only while {@link IdpAccess} still allows that session for it now — the IdP the session was opened with
 * still exists, is not in maintenance and is accepted by the service, and the session's level meets the service's
 * minimum level. Otherwise the service gets {@code invalid_grant} with the refusal code as description, and the
 * refusal is traced ({@code identity_refused} with that code).
 *
 * <p>It runs once Keycloak has verified the refresh token and found its session (event
 * {@code TOKEN_REFRESH_RESPONSE}), so it judges the session Keycloak will actually renew.
 */
public class IdpAccessOnRefreshExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    public IdpAccessOnRefreshExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return IdpAccessOnRefreshExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.TOKEN_REFRESH_RESPONSE) {
            return;
        }
        AuthenticatedClientSessionModel clientSession = ((TokenRefreshResponseContext) context).getClientSession();
        if (clientSession == null || clientSession.getUserSession() == null) {
            return;
        }
        UserSessionModel userSession = clientSession.getUserSession();
        ClientModel client = clientSession.getClient();
        String idp = userSession.getNote(Details.IDENTITY_PROVIDER);
        EidasLevel level = EidasLevel.fromAcr(userSession.getNote(SessionNotes.LEVEL)).orElse(null);
        EidasLevel minimum = EidasLevel.fromAcr(client.getAttribute(ClientAttributes.MINIMUM_LEVEL)).orElse(EidasLevel.LOW);
        IdpAccess access = new IdpAccess(LevelSettings.entries(session), LevelSettings.rulesOf(client), minimum);
        Optional<OptionState> refusal = access.refusalOfSession(idp, level);
        if (refusal.isEmpty()) {
            return;
        }
        String code = refusal.get().code();
        trace(client, userSession, idp, code);
        LevelSettings.LOG.debugf("Refresh refused to %s for a session opened through %s: %s", client.getClientId(), idp, code);
        throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT, code);
    }

    private void trace(ClientModel client, UserSessionModel userSession, String idp, String code) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.REFRESH_TOKEN_ERROR)
                .client(client)
                .user(userSession.getUser())
                .session(userSession)
                .detail(EventDetails.EVENT, TraceEvent.IDENTITY_REFUSED.code())
                .detail(EventDetails.REASON, code);
        if (idp != null) {
            event.detail(Details.IDENTITY_PROVIDER, idp);
        }
        event.error(code);
    }
}
