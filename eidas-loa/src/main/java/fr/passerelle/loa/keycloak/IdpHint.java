package fr.passerelle.loa.keycloak;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Reads which IdP the request names: the SP's hint ({@code kc_idp_hint} or {@code idp_hint}) or the page's choice. */
final class IdpHint {

    static final String CHOICE_PARAM = "passerelle_idp";
    private static final String IDP_HINT_PARAM = "idp_hint";

    private IdpHint() {
    }

    static Optional<String> of(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String hint = context.getUriInfo().getQueryParameters().getFirst(AdapterConstants.KC_IDP_HINT);
        if (hint == null) {
            hint = authSession.getClientNote(AdapterConstants.KC_IDP_HINT);
        }
        if (hint == null) {
            hint = authSession.getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + IDP_HINT_PARAM);
        }
        return hint == null || hint.isBlank() ? Optional.empty() : Optional.of(hint.strip());
    }

    static String chosenAlias(AuthenticationFlowContext context) {
        String chosen = null;
        if ("POST".equalsIgnoreCase(context.getHttpRequest().getHttpMethod())) {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            chosen = form.getFirst(CHOICE_PARAM);
        }
        return chosen != null ? chosen : context.getUriInfo().getQueryParameters().getFirst(CHOICE_PARAM);
    }
}
