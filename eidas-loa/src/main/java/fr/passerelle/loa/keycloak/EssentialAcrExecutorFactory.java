package fr.passerelle.loa.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link EssentialAcrExecutor} as client policy executor {@value #ID}. */
public class EssentialAcrExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "passerelle-essential-acr";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new EssentialAcrExecutor();
    }

    @Override
    public String getHelpText() {
        return "Refuses with unmet_authentication_requirements an authorization request whose claims parameter marks acr "
                + "essential with no eIDAS level the broker knows.";
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
