package fr.passerelle.loa.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link IdpAccessOnRefreshExecutor} as client policy executor {@value #ID}. */
public class IdpAccessOnRefreshExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "passerelle-idp-access-on-refresh";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new IdpAccessOnRefreshExecutor(session);
    }

    @Override
    public String getHelpText() {
        return "Refuses the refresh-token grant with invalid_grant when the rules no longer allow the session for the client: "
                + "the IdP it was opened with denied by the client, in maintenance or gone, or its level below the client's minimum level.";
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
        return ID;
    }
}
