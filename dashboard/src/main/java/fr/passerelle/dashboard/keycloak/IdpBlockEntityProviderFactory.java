package fr.passerelle.dashboard.keycloak;

import java.util.List;

import fr.passerelle.support.keycloak.TableProviderFactory;

/** Declares the table of the IdPs people blocked to Keycloak's JPA layer (entities plus Liquibase changelog). */
public class IdpBlockEntityProviderFactory extends TableProviderFactory {

    public static final String PROVIDER_ID = "passerelle-idp-blocks";

    public IdpBlockEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/passerelle-idp-block-changelog.xml", IdpBlockEntity.class);
    }

    @Override
    protected List<String> identityKeyTables() {
        return List.of("PASSERELLE_IDP_BLOCK");
    }
}
