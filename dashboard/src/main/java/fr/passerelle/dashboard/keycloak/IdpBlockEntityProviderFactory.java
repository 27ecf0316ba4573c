package fr.passerelle.dashboard.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Declares the table of the IdPs people blocked to Keycloak's JPA layer (entities plus Liquibase changelog). */
public class IdpBlockEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String PROVIDER_ID = "passerelle-idp-blocks";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(IdpBlockEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/passerelle-idp-block-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
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
