package fr.passerelle.franceconnect.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

public class FranceConnectDefaultsExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "passerelle-franceconnect-defaults";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new FranceConnectDefaultsExecutor();
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
        return "On registration or update of a client whose passerelle.profile is franceconnect: sets FranceConnect's token"
                + " settings where unset (access token 60 s, no refresh token, ES256, signed userinfo; with a JWKS,"
                + " RSA-OAEP/A256GCM encryption of the ID token and userinfo).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
