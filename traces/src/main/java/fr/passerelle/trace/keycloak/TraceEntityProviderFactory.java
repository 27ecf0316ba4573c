package fr.passerelle.trace.keycloak;

import java.util.List;

import org.keycloak.models.KeycloakSessionFactory;

import fr.passerelle.support.keycloak.IdentityKeyMoved;
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

    /**
     * Before the traces are re-keyed for a moved account, this node's queued token-check traces are written, so
     * that none of them lands under the former key after the move (registered first, so it runs before the move).
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof IdentityKeyMoved moved) {
                TraceEventListenerFactory.awaitQueuedTraces(moved.session());
            }
        });
        super.postInit(factory);
    }
}
