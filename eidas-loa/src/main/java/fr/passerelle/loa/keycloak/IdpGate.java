package fr.passerelle.loa.keycloak;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.IdpAccess;
import fr.passerelle.loa.OptionState;

/**
 * The Keycloak side of {@link IdpAccess}: builds the decision for a login from the realm, the client and the
 * request, and remembers in the login's authentication session which IdP the broker sent the browser to, so that
 * the IdP's answer can be checked whatever URL brought the browser there.
 */
final class IdpGate {

    /** Authentication session note: {@code <route> <alias>} of the IdP this login was sent to. */
    static final String DISPATCHED_NOTE = "passerelle.dispatched-idp";

    private IdpGate() {
    }

    static IdpAccess access(KeycloakSession session, AuthenticationSessionModel authSession) {
        return new IdpAccess(LevelSettings.entries(session), LevelSettings.rulesOf(authSession.getClient()),
                LevelSettings.requestedLevel(authSession).level());
    }

    static void recordDispatch(AuthenticationSessionModel authSession, String alias, IdpAccess.Route route) {
        authSession.setAuthNote(DISPATCHED_NOTE, route.name() + " " + alias);
    }

    /** @return empty when the answer of this IdP may go on, otherwise why it may not */
    static Optional<OptionState> judgeAnswer(KeycloakSession session, AuthenticationSessionModel authSession, String answeringAlias) {
        String dispatched = authSession.getAuthNote(DISPATCHED_NOTE);
        IdpAccess.Route route = null;
        String alias = null;
        if (dispatched != null) {
            String[] routeAndAlias = dispatched.split(" ", 2);
            route = IdpAccess.Route.valueOf(routeAndAlias[0]);
            alias = routeAndAlias.length > 1 ? routeAndAlias[1] : null;
        }
        return access(session, authSession).refusalOfAnswer(answeringAlias, alias, route);
    }
}
