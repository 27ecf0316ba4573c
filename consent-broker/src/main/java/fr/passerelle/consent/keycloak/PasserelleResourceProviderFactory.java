package fr.passerelle.consent.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import fr.passerelle.support.keycloak.StatelessFactory;

/** Mounts {@link PasserelleResource} at {@code /realms/{realm}/passerelle}. */
public class PasserelleResourceProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    public static final String ID = "passerelle";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PasserelleResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }
}
