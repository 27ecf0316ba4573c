package fr.passerelle.loa.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public class EidasLevelAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "passerelle-eidas-level";
    private static final EidasLevelAuthenticator SINGLETON = new EidasLevelAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Passerelle: eIDAS level of the IdP";
    }

    @Override
    public String getHelpText() {
        return "For a post-broker-login flow: checks the level the IdP asserted against the SP's request and the IdP's "
                + "settings (passerelle.levels, passerelle.level-mapping, passerelle.minimum-level), records it as the "
                + "login's acr and sets amr from passerelle.amr; a refusal returns to the IdP choice.";
    }

    @Override
    public String getReferenceCategory() {
        return "passerelle-level";
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
