package fr.passerelle.pivot.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link FirstLoginTurnEndAuthenticator} as authenticator {@value #PROVIDER_ID}. */
public class FirstLoginTurnEndAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "passerelle-first-login-turn-end";
    private static final FirstLoginTurnEndAuthenticator SINGLETON = new FirstLoginTurnEndAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Passerelle: end of a first login's turn";
    }

    @Override
    public String getReferenceCategory() {
        return "passerelle";
    }

    @Override
    public String getHelpText() {
        return "First step of the post-broker-login flow: a first login gives back the person's turn once Keycloak has added"
                + " the IdP link, so that simultaneous first logins of one person never race on it.";
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
