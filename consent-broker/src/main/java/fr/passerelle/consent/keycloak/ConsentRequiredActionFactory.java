package fr.passerelle.consent.keycloak;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class ConsentRequiredActionFactory implements RequiredActionFactory {

    private static final ConsentRequiredAction SINGLETON = new ConsentRequiredAction();

    @Override
    public String getDisplayText() {
        return "Passerelle consent (identity and data, grouped by source)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
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

    @Override
    public String getId() {
        return ConsentRequiredAction.PROVIDER_ID;
    }
}
