package fr.passerelle.dashboard.keycloak;

import java.util.List;

import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * A block holds for what is already open: the person's sessions opened through the blocked IdP end, with their
 * refresh tokens, online and offline. Keycloak's user-session store is shared by the cluster, so this ends them on
 * every node; the services' back-channel logout URLs are called as for any logout.
 */
public final class BlockedIdpSessions {

    private BlockedIdpSessions() {
    }

    /** @return how many sessions ended */
    public static int end(KeycloakSession session, RealmModel realm, UserModel person, String idpAlias) {
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, person)
                .filter(userSession -> idpAlias.equals(userSession.getNote(Details.IDENTITY_PROVIDER)))
                .toList();
        online.forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                session.getContext().getUri(), session.getContext().getConnection(), session.getContext().getRequestHeaders(), false));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, person)
                .filter(userSession -> idpAlias.equals(userSession.getNote(Details.IDENTITY_PROVIDER)))
                .toList();
        offline.forEach(userSession -> session.sessions().removeOfflineUserSession(realm, userSession));
        return online.size() + offline.size();
    }
}
