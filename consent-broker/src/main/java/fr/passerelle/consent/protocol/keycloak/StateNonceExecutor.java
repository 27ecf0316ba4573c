package fr.passerelle.consent.protocol.keycloak;

import java.util.Optional;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import fr.passerelle.names.ProtocolNames;
import fr.passerelle.consent.protocol.RequestRules;

/**
 * Client policy executor: an authorization request without {@code state} or {@code nonce} is answered with
 * {@code invalid_request} at the SP's redirect URI, before any page is shown or anything is stored.
 */
public class StateNonceExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public String getProviderId() {
        return ProtocolNames.STATE_NONCE_EXECUTOR;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }
        AuthorizationEndpointRequest request = ((AuthorizationRequestContext) context).getAuthorizationEndpointRequest();
        Optional<String> problem = RequestRules.problem(request.getState(), request.getNonce());
        if (problem.isPresent()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, problem.get());
        }
    }
}
