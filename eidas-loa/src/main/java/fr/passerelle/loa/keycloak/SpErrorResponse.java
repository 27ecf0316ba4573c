package fr.passerelle.loa.keycloak;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OIDCRedirectUriBuilder;
import org.keycloak.protocol.oidc.utils.OIDCResponseMode;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Errors the SP must learn, returned to its redirect URI as OAuth errors, as Keycloak does for its own. */
final class SpErrorResponse {

    static final String INVALID_IDP_HINT = "invalid_idp_hint";

    private SpErrorResponse() {
    }

    static Response invalidIdpHint(AuthenticationFlowContext context) {
        return error(context, INVALID_IDP_HINT, "The identity provider hint names an identity provider this client may not use");
    }

    private static Response error(AuthenticationFlowContext context, String error, String description) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        OIDCResponseType responseType = OIDCResponseType.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM));
        OIDCResponseMode responseMode = OIDCResponseMode.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_MODE_PARAM), responseType);
        OIDCRedirectUriBuilder redirect = OIDCRedirectUriBuilder.fromUri(authSession.getRedirectUri(), responseMode, context.getSession(), null)
                .addParam(OAuth2Constants.ERROR, error)
                .addParam(OAuth2Constants.ERROR_DESCRIPTION, description);
        String state = authSession.getClientNote(OIDCLoginProtocol.STATE_PARAM);
        if (state != null) {
            redirect.addParam(OAuth2Constants.STATE, state);
        }
        redirect.addParam(OAuth2Constants.ISSUER, Urls.realmIssuer(context.getUriInfo().getBaseUri(), context.getRealm().getName()));
        return redirect.build();
    }
}
