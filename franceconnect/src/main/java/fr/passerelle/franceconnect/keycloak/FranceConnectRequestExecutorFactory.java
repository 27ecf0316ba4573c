package fr.passerelle.franceconnect.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

public class FranceConnectRequestExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "passerelle-franceconnect-request";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new FranceConnectRequestExecutor(session);
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
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "FranceConnect's authorization request rules: acr_values required, unknown values refused with invalid_acr,"
                + " nonce of at least 22 characters, and eidas2 or above only for a client that registered ID token and"
                + " userinfo encryption with a key.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
