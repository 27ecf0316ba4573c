package fr.passerelle.support.keycloak;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * An authentication-flow step of the suite: not configurable per execution (its settings are realm, client and IdP
 * attributes), required or disabled, no user setup. A subclass gives its id, its texts and the authenticator.
 */
public abstract class FlowStepFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    private final String id;
    private final String displayType;
    private final String referenceCategory;
    private final String helpText;

    protected FlowStepFactory(String id, String displayType, String referenceCategory, String helpText) {
        this.id = id;
        this.displayType = displayType;
        this.referenceCategory = referenceCategory;
        this.helpText = helpText;
    }

    /** The authenticator of this step for a request; a stateless step returns one shared instance. */
    protected abstract Authenticator authenticator(KeycloakSession session);

    @Override
    public final Authenticator create(KeycloakSession session) {
        return authenticator(session);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
