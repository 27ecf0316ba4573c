package fr.passerelle.trace.keycloak;

import java.time.Instant;

import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.passerelle.names.RealmAttributes;
import fr.passerelle.trace.Retention;

/**
 * Deletes, in every realm, the traces older than the realm's retention ({@link Retention#ATTRIBUTE}).
 * Cluster-safe: {@link ClusterProvider#executeIfNotExecuted} lets one node run it per interval.
 */
final class TracePurge implements Runnable {

    static final String TASK_NAME = "passerelle-trace-purge";

    private final KeycloakSessionFactory factory;
    private final int intervalSeconds;

    TracePurge(KeycloakSessionFactory factory, long intervalMillis) {
        this.factory = factory;
        this.intervalSeconds = (int) Math.max(1, intervalMillis / 1000);
    }

    @Override
    public void run() {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                ExecutionResult<Integer> result = session.getProvider(ClusterProvider.class)
                        .executeIfNotExecuted(TASK_NAME, intervalSeconds, () -> purgeAll(factory));
                if (result.isExecuted()) {
                    TraceEventListener.LOG.debugf("trace purge removed %d traces", result.getResult());
                }
            });
        } catch (RuntimeException e) {
            TraceEventListener.LOG.warn("trace purge failed; it runs again at the next interval", e);
        }
    }

    /** One transaction per realm, so a large realm does not hold every other one back. */
    static int purgeAll(KeycloakSessionFactory factory) {
        Instant now = Instant.now();
        int[] removed = {0};
        KeycloakModelUtils.runJobInTransaction(factory, session ->
                session.realms().getRealmsStream().map(RealmModel::getId).toList().forEach(realmId ->
                        KeycloakModelUtils.runJobInTransaction(factory, inner -> {
                            RealmModel realm = inner.realms().getRealm(realmId);
                            Retention retention = Retention.fromAttribute(realm.getAttribute(RealmAttributes.TRACE_RETENTION_DAYS));
                            removed[0] += new TraceStore(inner).purge(realm, retention.cutoff(now));
                        })));
        return removed[0];
    }
}
