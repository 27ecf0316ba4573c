package fr.passerelle.dashboard.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import fr.passerelle.support.keycloak.StatelessFactory;

/** The person's dashboard at {@code /realms/{realm}/passerelle-dashboard/}. */
public class DashboardResourceProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

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
}
