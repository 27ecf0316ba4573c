package fr.passerelle.loa.keycloak;

import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.RealmResourceFactory;

/** Publishes {@link BackToService} at {@code /realms/{realm}/passerelle-back-to-service}. */
public class BackToServiceFactory extends RealmResourceFactory {

    public BackToServiceFactory() {
        super(BackToService.PROVIDER_ID);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new BackToService(session);
    }
}
