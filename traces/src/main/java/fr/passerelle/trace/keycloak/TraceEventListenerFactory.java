package fr.passerelle.trace.keycloak;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Event listener {@value #PROVIDER_ID}: enabled per broker realm (realm setting "event listeners"), so that
 * the demo IdP realms living on the same server are not traced. Also schedules the purge.
 */
public class TraceEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "passerelle-traces";
    /** How often the purge runs, server option {@code --spi-events-listener--passerelle-traces--purge-interval-minutes}. */
    static final long DEFAULT_PURGE_INTERVAL_MINUTES = 60;

    private long purgeIntervalMillis;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new TraceEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        purgeIntervalMillis = config.getLong("purge-interval-minutes", DEFAULT_PURGE_INTERVAL_MINUTES) * 60_000L;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            timer.schedule(new TracePurge(factory, purgeIntervalMillis), purgeIntervalMillis, TracePurge.TASK_NAME);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
