package fr.passerelle.franceconnect.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import fr.passerelle.franceconnect.AuthorizationRefusal;
import fr.passerelle.franceconnect.FranceConnectRequest;

/**
 * Client-policy executor: FranceConnect's authorization request rules ({@link FranceConnectRequest}). A refusal goes
 * back to the service as an OAuth error on its redirect URI (Keycloak records it in the event's
 * {@code client_policy_error_detail}); a refusal the operator must fix is also logged.
 */
public class FranceConnectRequestExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    FranceConnectRequestExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return FranceConnectRequestExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }
        AuthorizationRequestContext authorization = (AuthorizationRequestContext) context;
        AuthorizationEndpointRequest request = authorization.getAuthorizationEndpointRequest();
        ClientModel client = authorization.getClient();
        boolean encryptionNeeded = FranceConnectRequest.requestedLevel(request.getAcr())
                .map(level -> level.isAtLeast(FranceConnectRequest.ENCRYPTED_FROM)).orElse(false);
        // Only look up keys (possibly fetching the client's JWKS URL) when the level needs them.
        boolean encryptionReady = !encryptionNeeded || FranceConnectClients.encryptionReady(session, client);
        AuthorizationRefusal refusal = FranceConnectRequest.check(request.getAcr(), request.getNonce(), encryptionReady).orElse(null);
        if (refusal != null) {
            throw new ClientPolicyException(refusal.error(), refusal.description());
        }
    }

}
