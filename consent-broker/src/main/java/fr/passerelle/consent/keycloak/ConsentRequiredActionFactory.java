package fr.passerelle.consent.keycloak;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.support.keycloak.StatelessFactory;

public class ConsentRequiredActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

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
    public String getId() {
        return ConsentRequiredAction.PROVIDER_ID;
    }
}
