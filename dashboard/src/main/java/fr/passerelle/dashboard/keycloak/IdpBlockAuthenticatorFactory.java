package fr.passerelle.dashboard.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.FlowStepFactory;

public class IdpBlockAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "passerelle-idp-block";
    private static final IdpBlockAuthenticator INSTANCE = new IdpBlockAuthenticator();

    public IdpBlockAuthenticatorFactory() {
        super(PROVIDER_ID, "Passerelle: refuse IdPs the person blocked", "passerelle-idp-block",
                "For the identity providers' post broker login flow: refuses the login when the person blocked this IdP "
                + "for their identity key from the Passerelle dashboard.");
    }

    @Override
    protected Authenticator authenticator(KeycloakSession session) {
        return INSTANCE;
    }
}
