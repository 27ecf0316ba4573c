package fr.passerelle.support.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A provider factory with nothing to set up or release: Keycloak's lifecycle calls are no-ops. Most of the suite's
 * factories are of this kind; they implement this instead of writing the three empty methods again.
 */
public interface StatelessFactory<T extends Provider> extends ProviderFactory<T> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
