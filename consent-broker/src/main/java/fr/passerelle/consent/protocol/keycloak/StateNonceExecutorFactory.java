package fr.passerelle.consent.protocol.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import fr.passerelle.names.ProtocolNames;

/** Registers {@link StateNonceExecutor} as client policy executor {@value ProtocolNames#STATE_NONCE_EXECUTOR}. */
public class StateNonceExecutorFactory implements ClientPolicyExecutorProviderFactory {

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new StateNonceExecutor();
    }

    @Override
    public String getHelpText() {
        return "Refuses an authorization request without state or without nonce (or with one longer than 512 characters) "
                + "with invalid_request, as FranceConnect does.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ProtocolNames.STATE_NONCE_EXECUTOR;
    }
}
