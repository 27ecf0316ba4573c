package fr.passerelle.loa.keycloak;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.IdpAccess;
import fr.passerelle.loa.IdpLevelPolicy;
import fr.passerelle.loa.RequestedLevel;

/** Sends the browser to an IdP the decision allowed, asking it for the level needed, and records where it went. */
final class IdpRedirect {

    private IdpRedirect() {
    }

    static void send(AuthenticationFlowContext context, String alias, RequestedLevel requested, IdpAccess.Route route) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        IdpLevelPolicy policy = LevelSettings.policyOf(idp);
        String upstreamValue = policy.upstreamValueFor(policy.levelToAsk(requested.level()));
        if ("saml".equals(idp.getProviderId())) {
            authSession.setAuthNote(PasserelleKeys.SAML_REQUESTED_CLASS_REF_NOTE, upstreamValue);
            authSession.removeClientNote(PasserelleKeys.FORWARDED_ACR_VALUES_NOTE);
        } else {
            authSession.setClientNote(PasserelleKeys.FORWARDED_ACR_VALUES_NOTE, upstreamValue);
            authSession.removeAuthNote(PasserelleKeys.SAML_REQUESTED_CLASS_REF_NOTE);
        }
        IdpGate.recordDispatch(authSession, alias, route);
        String accessCode = new ClientSessionCode<>(session, realm, authSession).getOrGenerateCode();
        URI location = Urls.identityProviderAuthnRequest(context.getUriInfo().getBaseUri(), alias, realm.getName(),
                accessCode, authSession.getClient().getClientId(), authSession.getTabId(),
                AuthenticationProcessor.getClientData(session, authSession),
                authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM));
        context.forceChallenge(Response.seeOther(location).build());
    }
}
