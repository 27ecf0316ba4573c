package fr.passerelle.pivot.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.pivot.SessionAlias;

/**
 * Keycloak's side of {@link SessionAlias}: what a client's tokens name as their session ({@code sid}) is the
 * session's alias for the client's sector, under the current {@code sub} secret; the broker turns an alias back into
 * the session wherever Keycloak or the suite looks a session up by id.
 */
public final class SessionAliases {

    private SessionAliases() {
    }

    /** The session id the client may see. */
    public static String forClient(KeycloakSession session, ClientModel client, String userSessionId) {
        if (userSessionId == null || SessionAlias.looksLikeAlias(userSessionId)) {
            return userSessionId;
        }
        return SessionAlias.of(PlatformSecret.SUB.current(session), Subjects.sector(client), userSessionId);
    }

    /**
     * The session id behind an alias; any other id as it is. An alias that does not resolve (edited, made up, of a
     * version no longer held) is returned as it is too: Keycloak finds no session under it.
     */
    public static String sessionId(KeycloakSession session, String id) {
        if (!SessionAlias.looksLikeAlias(id)) {
            return id;
        }
        return SessionAlias.resolve(id, version -> PlatformSecret.SUB.secret(session, version)).orElse(id);
    }
}
