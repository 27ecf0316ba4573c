package fr.passerelle.support.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * A public resource of the suite under {@code /realms/{realm}/{id}}: a subclass gives its id and how to make the
 * JAX-RS resource for a request; there is nothing to release per request.
 */
public abstract class RealmResourceFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    private final String id;
    protected RealmResourceFactory(String id) {
        this.id = id;
    }

    /** The JAX-RS resource answering one request. */
    protected abstract Object resource(KeycloakSession session);

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public final String getId() {
        return id;
    }
}
