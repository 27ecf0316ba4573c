package fr.passerelle.notice.keycloak;

import java.util.UUID;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

import fr.passerelle.notice.NoticeNames;

/**
 * Event listener {@code passerelle-connection-notice}, enabled per broker realm. Also runs the outbox on every
 * node, every {@code --spi-events-listener--passerelle-connection-notice--send-interval-seconds} (default 2).
 */
public class ConnectionNoticeListenerFactory implements EventListenerProviderFactory {

    static final long DEFAULT_SEND_INTERVAL_SECONDS = 2;
    private long intervalMillis;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ConnectionNoticeListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        intervalMillis = Math.max(1, config.getLong("send-interval-seconds", DEFAULT_SEND_INTERVAL_SECONDS)) * 1000L;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The outbox starts once the database is migrated (its table exists) and the realms are imported.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                String node = UUID.randomUUID().toString();
                try (KeycloakSession session = factory.create()) {
                    session.getProvider(TimerProvider.class).schedule(new NoticeOutbox(factory, node), intervalMillis, "passerelle-notice-outbox");
                }
            }
        });
    }

    @Override
    public String getId() {
        return NoticeNames.LISTENER_ID;
    }

    @Override
    public void close() {
    }
}
