package fr.passerelle.loa.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.events.Details;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.EidasLevel;
import fr.passerelle.loa.IdpAccess;
import fr.passerelle.loa.RequestedLevel;
import fr.passerelle.names.SessionNotes;

/**
 * Single sign-on: lets the browser's broker session stand in for a new login when its level suits the request,
 * is under the SSO ceiling, and the service accepts the IdP the session was opened with.
 */
final class SsoReuse {

    private SsoReuse() {
    }

    static boolean tryReuse(AuthenticationFlowContext context, RequestedLevel requested, IdpAccess access) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        AuthenticationManager.AuthResult existing = AuthenticationManager.authenticateIdentityCookie(session, context.getRealm(), true);
        if (existing == null) {
            return false;
        }
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        if (protocol != null && protocol.requireReauthentication(existing.session(), authSession)) {
            return false;
        }
        EidasLevel sessionLevel = EidasLevel.fromAcr(existing.session().getNote(SessionNotes.LEVEL)).orElse(null);
        String sessionIdp = existing.session().getNote(Details.IDENTITY_PROVIDER);
        boolean reusable = LevelSettings.ssoPolicy(context.getRealm()).mayReuse(sessionLevel, requested.level())
                && access.permitsSessionFrom(sessionIdp);
        if (!reusable) {
            LevelSettings.LOG.debugf("Existing session at %s not reused for a request at %s",
                    sessionLevel == null ? "no level" : sessionLevel.acr(), requested.level().acr());
            return false;
        }
        authSession.setAuthNote(Constants.LOA_MAP, existing.session().getNote(Constants.LOA_MAP));
        new AcrStore(session, authSession).setLevelAuthenticatedToCurrentRequest(sessionLevel.loa());
        authSession.setAuthNote(AuthenticationManager.SSO_AUTH, "true");
        context.setUser(existing.user());
        context.attachUserSession(existing.session());
        context.success();
        return true;
    }
}
