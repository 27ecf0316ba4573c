package fr.passerelle.support.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Declares a module's own tables to Keycloak's JPA layer: its entity classes and its Liquibase changelog. A module
 * extends it with one constructor call and registers the subclass in
 * {@code META-INF/services/org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory}.
 */
public abstract class TableProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    private final String id;
    private final String changelogLocation;
    private final List<Class<?>> entities;

    protected TableProviderFactory(String id, String changelogLocation, Class<?>... entities) {
        this.id = id;
        this.changelogLocation = changelogLocation;
        this.entities = List.of(entities);
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return entities;
    }

    @Override
    public String getChangelogLocation() {
        return changelogLocation;
    }

    @Override
    public String getFactoryId() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * The module's tables that name people by identity key (columns {@code REALM_ID}, {@code IDENTITY_KEY}): their rows
     * follow a person's account when it moves to a new key ({@link IdentityKeyMoved}). None by default.
     */
    protected List<String> identityKeyTables() {
        return List.of();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        List<String> tables = identityKeyTables();
        if (!tables.isEmpty()) {
            factory.register(event -> {
                if (event instanceof IdentityKeyMoved moved) {
                    moved.rekey(tables);
                }
            });
        }
    }

    @Override
    public void close() {
    }
}
