package fr.passerelle.dashboard.keycloak;

import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.RealmResourceFactory;

/** The person's dashboard at {@code /realms/{realm}/passerelle-dashboard/}. */
public class DashboardResourceProviderFactory extends RealmResourceFactory {

    public static final String PROVIDER_ID = "passerelle-dashboard";

    public DashboardResourceProviderFactory() {
        super(PROVIDER_ID);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new DashboardResource(session);
    }
}
