package fr.passerelle.support.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * An admin REST resource of the suite under {@code /admin/realms/{realm}/{id}}: one stateless instance is both the
 * factory and the provider; a subclass gives its id and {@code getResource}, which checks the caller's permission.
 */
public abstract class AdminResourceFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    private final String id;

    protected AdminResourceFactory(String id) {
        this.id = id;
    }

    /** The number of rows a listing answers: what the caller asked, or {@code most} when it asked nothing, too few or too many. */
    protected static int limit(Integer asked, int most) {
        return asked == null || asked < 1 || asked > most ? most : asked;
    }

    @Override
    public final AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public final String getId() {
        return id;
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
