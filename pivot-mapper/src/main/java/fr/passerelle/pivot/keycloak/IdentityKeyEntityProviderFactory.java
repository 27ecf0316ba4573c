package fr.passerelle.pivot.keycloak;

import fr.passerelle.support.keycloak.TableProviderFactory;

/** Declares the identity-key holder table to Keycloak's JPA layer (entity plus Liquibase changelog). */
public class IdentityKeyEntityProviderFactory extends TableProviderFactory {

    public static final String PROVIDER_ID = "passerelle-identity-keys";

    public IdentityKeyEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/passerelle-identity-keys-changelog.xml", IdentityKeyHolderEntity.class);
    }
}
