package fr.passerelle.loa.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.FlowStepFactory;

public class EidasLevelAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "passerelle-eidas-level";
    private static final EidasLevelAuthenticator SINGLETON = new EidasLevelAuthenticator();

    public EidasLevelAuthenticatorFactory() {
        super(PROVIDER_ID, "Passerelle: eIDAS level of the IdP", "passerelle-level",
                "For a post-broker-login flow: checks the level the IdP asserted against the SP's request and the IdP's "
                + "settings (passerelle.levels, passerelle.level-mapping, passerelle.minimum-level), records it as the "
                + "login's acr and sets amr from passerelle.amr; a refusal returns to the IdP choice.");
    }

    @Override
    protected Authenticator authenticator(KeycloakSession session) {
        return SINGLETON;
    }
}
