package fr.passerelle.trace.keycloak;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.timer.TimerProvider;

import fr.passerelle.trace.BatchWriter;

/**
 * Event listener {@value #PROVIDER_ID}: enabled per broker realm (realm setting "event listeners"), so that
 * the demo IdP realms living on the same server are not traced. Also schedules the purge, and owns the node's
 * trace writer: the traces of token checks go through a bounded queue written in batches (see {@link QueuedTrace}).
 */
public class TraceEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "passerelle-traces";
    /** How often the purge runs, server option {@code --spi-events-listener--passerelle-traces--purge-interval-minutes}. */
    static final long DEFAULT_PURGE_INTERVAL_MINUTES = 60;
    /** Option {@code batch-checktoken}: token-check traces written in batches by the node's writer (true) or in the call. */
    static final boolean DEFAULT_BATCH = true;
    /** Option {@code queue-capacity}: token-check traces that may wait for the writer at most; beyond, calls write their own. */
    static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** Option {@code batch-size}: traces written in one transaction at most. */
    static final int DEFAULT_BATCH_SIZE = 500;
    /**
     * Option {@code linger-millis}: how long the writer waits for more traces before writing a batch that is not full.
     * Without one, under load the writer committed 1.6 traces a batch on average (the benchmark's 126,000 calls in
     * 78,000 batches): almost the cost it was to save. 100 ms gathers a few hundred at a time.
     */
    static final long DEFAULT_LINGER_MILLIS = 100;
    /** How long a reader waits for the traces this node accepted before it reads anyway. */
    static final Duration READ_WAIT = Duration.ofSeconds(5);

    private long purgeIntervalMillis;
    private boolean batch;
    private int queueCapacity;
    private int batchSize;
    private long lingerMillis;
    private volatile BatchWriter<QueuedTrace> writer;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new TraceEventListener(session, writer);
    }

    @Override
    public void init(Config.Scope config) {
        purgeIntervalMillis = config.getLong("purge-interval-minutes", DEFAULT_PURGE_INTERVAL_MINUTES) * 60_000L;
        batch = config.getBoolean("batch-checktoken", DEFAULT_BATCH);
        queueCapacity = config.getInt("queue-capacity", DEFAULT_QUEUE_CAPACITY);
        batchSize = config.getInt("batch-size", DEFAULT_BATCH_SIZE);
        lingerMillis = config.getLong("linger-millis", DEFAULT_LINGER_MILLIS);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            timer.schedule(new TracePurge(factory, purgeIntervalMillis), purgeIntervalMillis, TracePurge.TASK_NAME);
        }
        if (batch) {
            writer = new BatchWriter<>("passerelle-trace-writer", queueCapacity, batchSize, Duration.ofMillis(lingerMillis),
                    Duration.ofSeconds(1), traces -> write(factory, traces));
        }
    }

    /** One batch, one transaction: all of it is stored or none (the writer then tries it again). */
    static void write(KeycloakSessionFactory factory, List<QueuedTrace> traces) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TraceStore store = new TraceStore(session);
            traces.forEach(queued -> store.add(queued.realmId(), queued.trace()));
        });
    }

    /**
     * Waits (a few seconds at most) until the traces this node queued so far are stored: what readers of the trace
     * table call first, so that an audit or a dashboard read right after a token check shows it.
     */
    public static void awaitQueuedTraces(KeycloakSession session) {
        ProviderFactory<EventListenerProvider> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, PROVIDER_ID);
        if (factory instanceof TraceEventListenerFactory traces && traces.writer != null
                && !traces.writer.awaitWritten(READ_WAIT)) {
            TraceEventListener.LOG.warnf("trace writer: %d traces still queued after %s", traces.writer.pending(), READ_WAIT);
        }
    }

    /** Closed before the database connection it writes through (Keycloak closes dependents first). */
    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        return Set.of(JpaConnectionProvider.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** A graceful stop writes every queued trace before the server goes. */
    @Override
    public void close() {
        BatchWriter<QueuedTrace> current = writer;
        writer = null;
        if (current != null) {
            long unwritten = current.stats().accepted() - current.stats().written();
            BatchWriter.Stats stats = current.close(Duration.ofSeconds(30));
            TraceEventListener.LOG.infof("trace writer closed: %d token-check traces accepted, %d written in %d batches (largest %d), "
                    + "%d failed attempts; %d were not written yet when the stop began", stats.accepted(), stats.written(), stats.batches(),
                    stats.largestBatch(), stats.failedAttempts(), unwritten);
        }
    }
}
