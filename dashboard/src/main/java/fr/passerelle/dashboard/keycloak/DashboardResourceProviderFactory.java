package fr.passerelle.dashboard.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** The person's dashboard at {@code /realms/{realm}/passerelle-dashboard/}. */
public class DashboardResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "passerelle-dashboard";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new DashboardResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
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
