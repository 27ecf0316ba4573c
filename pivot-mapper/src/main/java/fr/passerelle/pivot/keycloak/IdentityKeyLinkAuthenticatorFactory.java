package fr.passerelle.pivot.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public class IdentityKeyLinkAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "passerelle-identity-key-link";
    private static final IdentityKeyLinkAuthenticator SINGLETON = new IdentityKeyLinkAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Passerelle: account by identity key";
    }

    @Override
    public String getReferenceCategory() {
        return "passerelle";
    }

    @Override
    public String getHelpText() {
        return "First broker login without pages: links the IdP to the account holding the same identity key,"
                + " or creates it (transient when the IdP stores no users).";
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

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
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
}
