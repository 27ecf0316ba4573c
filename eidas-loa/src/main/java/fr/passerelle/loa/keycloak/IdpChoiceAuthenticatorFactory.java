package fr.passerelle.loa.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.FlowStepFactory;

public class IdpChoiceAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "passerelle-idp-choice";
    private static final IdpChoiceAuthenticator SINGLETON = new IdpChoiceAuthenticator();

    public IdpChoiceAuthenticatorFactory() {
        super(PROVIDER_ID, "Passerelle: IdP choice", "passerelle-idp-choice",
                "For the browser flow: reuses a session whose level fits the request (realm passerelle.sso-ceiling), "
                + "follows an allowed kc_idp_hint/idp_hint (invalid_idp_hint to the SP otherwise), or shows the IdP choice page "
                + "with each IdP's state (level, per-SP passerelle.idp-allow/passerelle.idp-deny, maintenance).");
    }

    @Override
    protected Authenticator authenticator(KeycloakSession session) {
        return SINGLETON;
    }
}
