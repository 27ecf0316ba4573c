package fr.passerelle.pivot.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.FlowStepFactory;

/** Registers {@link FirstLoginTurnEndAuthenticator} as authenticator {@value #PROVIDER_ID}. */
public class FirstLoginTurnEndAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "passerelle-first-login-turn-end";
    private static final FirstLoginTurnEndAuthenticator SINGLETON = new FirstLoginTurnEndAuthenticator();

    public FirstLoginTurnEndAuthenticatorFactory() {
        super(PROVIDER_ID, "Passerelle: end of a first login's turn", "passerelle",
                "First step of the post-broker-login flow: a first login gives back the person's turn once Keycloak has added"
                + " the IdP link, so that simultaneous first logins of one person never race on it.");
    }

    @Override
    protected Authenticator authenticator(KeycloakSession session) {
        return SINGLETON;
    }
}
