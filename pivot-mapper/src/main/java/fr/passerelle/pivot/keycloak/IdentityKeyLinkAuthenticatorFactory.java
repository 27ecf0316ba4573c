package fr.passerelle.pivot.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.FlowStepFactory;

public class IdentityKeyLinkAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "passerelle-identity-key-link";
    private static final IdentityKeyLinkAuthenticator SINGLETON = new IdentityKeyLinkAuthenticator();

    public IdentityKeyLinkAuthenticatorFactory() {
        super(PROVIDER_ID, "Passerelle: account by identity key", "passerelle",
                "First broker login without pages: links the IdP to the account holding the same identity key,"
                + " or creates it (transient when the IdP stores no users).");
    }

    @Override
    protected Authenticator authenticator(KeycloakSession session) {
        return SINGLETON;
    }
}
