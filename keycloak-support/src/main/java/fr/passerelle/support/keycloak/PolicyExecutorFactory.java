package fr.passerelle.support.keycloak;

import java.util.List;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * A client-policy executor of the suite with no per-policy configuration (its settings are realm and client
 * attributes): a subclass gives its id, its help text and how to make the executor.
 */
public abstract class PolicyExecutorFactory implements ClientPolicyExecutorProviderFactory, StatelessFactory<ClientPolicyExecutorProvider> {

    private final String id;
    private final String helpText;
    private final Function<KeycloakSession, ? extends ClientPolicyExecutorProvider> executor;

    protected PolicyExecutorFactory(String id, String helpText, Function<KeycloakSession, ? extends ClientPolicyExecutorProvider> executor) {
        this.id = id;
        this.helpText = helpText;
        this.executor = executor;
    }

    @Override
    public final ClientPolicyExecutorProvider create(KeycloakSession session) {
        return executor.apply(session);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
