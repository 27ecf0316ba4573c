package fr.passerelle.trace.keycloak;

import java.util.List;

import fr.passerelle.support.keycloak.TableProviderFactory;

/** Declares the trace table to Keycloak's JPA layer (entities plus Liquibase changelog). */
public class TraceEntityProviderFactory extends TableProviderFactory {

    public static final String PROVIDER_ID = "passerelle-traces";

    public TraceEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/passerelle-trace-changelog.xml", TraceEntity.class);
    }

    @Override
    protected List<String> identityKeyTables() {
        return List.of("PASSERELLE_TRACE");
    }
}
