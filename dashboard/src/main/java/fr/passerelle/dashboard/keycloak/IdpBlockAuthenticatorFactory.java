package fr.passerelle.dashboard.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public class IdpBlockAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "passerelle-idp-block";
    private static final IdpBlockAuthenticator INSTANCE = new IdpBlockAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Passerelle: refuse IdPs the person blocked";
    }

    @Override
    public String getReferenceCategory() {
        return "passerelle-idp-block";
    }

    @Override
    public String getHelpText() {
        return "For the identity providers' post broker login flow: refuses the login when the person blocked this IdP "
                + "for their identity key from the Passerelle dashboard.";
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
        return INSTANCE;
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
