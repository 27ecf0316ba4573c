package fr.passerelle.consent.keycloak;

import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.RealmResourceFactory;

/** Mounts {@link PasserelleResource} at {@code /realms/{realm}/passerelle}. */
public class PasserelleResourceProviderFactory extends RealmResourceFactory {

    public static final String ID = "passerelle";

    public PasserelleResourceProviderFactory() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new PasserelleResource(session);
    }
}
