package org.keycloak.connections.jpa.entityprovider;

import org.keycloak.provider.ProviderFactory;

/** Compile-time copy of Keycloak 26.7.3's interface (keycloak-model-jpa); the server provides the real one. */
public interface JpaEntityProviderFactory extends ProviderFactory<JpaEntityProvider> {
}
