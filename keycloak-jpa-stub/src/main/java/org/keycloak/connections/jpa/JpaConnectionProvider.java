package org.keycloak.connections.jpa;

import jakarta.persistence.EntityManager;

import org.keycloak.provider.Provider;

/** Compile-time copy of Keycloak 26.7.3's interface (keycloak-model-jpa); the server provides the real one. */
public interface JpaConnectionProvider extends Provider {

    EntityManager getEntityManager();
}
