package fr.passerelle.loa.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public class IdpChoiceAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "passerelle-idp-choice";
    private static final IdpChoiceAuthenticator SINGLETON = new IdpChoiceAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Passerelle: IdP choice";
    }

    @Override
    public String getHelpText() {
        return "For the browser flow: reuses a session whose level fits the request (realm passerelle.sso-ceiling), "
                + "follows an allowed kc_idp_hint/idp_hint (invalid_idp_hint to the SP otherwise), or shows the IdP choice page "
                + "with each IdP's state (level, per-SP passerelle.idp-allow/passerelle.idp-deny, maintenance).";
    }

    @Override
    public String getReferenceCategory() {
        return "passerelle-idp-choice";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
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
