package fr.passerelle.dashboard.keycloak;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import fr.passerelle.names.EventDetails;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.support.keycloak.FlowStep;

/**
 * In an IdP's post-broker-login flow: refuses the login when the person (by identity key) blocked this IdP
 * from their dashboard, with a themed page naming the IdP.
 */
public class IdpBlockAuthenticator implements FlowStep {

    public static final String REASON = "idp_blocked";
    static final String MESSAGE = "passerelle.error.idp-blocked";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String identityKey = user == null ? null : user.getFirstAttribute(UserAttributes.IDENTITY_KEY);
        SerializedBrokeredIdentityContext brokered = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                context.getAuthenticationSession(), PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        String idp = brokered == null ? null : brokered.getIdentityProviderId();
        if (identityKey == null || idp == null
                || !new IdpBlockStore(context.getSession()).isBlocked(context.getRealm(), identityKey, idp)) {
            context.success();
            return;
        }
        context.getEvent().detail(Details.IDENTITY_PROVIDER, idp).detail(EventDetails.REASON, REASON);
        Response page = context.form()
                .setError(MESSAGE, displayName(context.getSession(), idp))
                .createErrorPage(Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    static String displayName(KeycloakSession session, String alias) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        return idp == null || idp.getDisplayName() == null || idp.getDisplayName().isBlank() ? alias : idp.getDisplayName();
    }
}
