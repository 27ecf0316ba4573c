package fr.passerelle.consent.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import fr.passerelle.consent.LogThrottle;
import fr.passerelle.names.ProtocolNames;

/**
 * checktoken calls whose caller did not authenticate as a client: counted in Keycloak's metrics (Micrometer,
 * {@code /metrics} on the management interface when metrics are enabled) and summed up in one log line a
 * minute at most. Nothing else is kept of them: an anonymous caller must not be able to grow the database or
 * the log.
 */
final class UnauthenticatedCalls {

    private static final Logger LOG = Logger.getLogger("fr.passerelle.consent.checktoken");
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private static final LogThrottle THROTTLE = new LogThrottle(LOG_INTERVAL);
    private static final Counter COUNTER = Counter.builder(ProtocolNames.CHECKTOKEN_UNAUTHENTICATED_METRIC)
            .description("checktoken calls refused with invalid_client: no or wrong client credentials")
            .register(Metrics.globalRegistry);

    private UnauthenticatedCalls() {
    }

    static void refused() {
        COUNTER.increment();
        OptionalLong count = THROTTLE.occurred(Clock.systemUTC().instant());
        if (count.isPresent()) {
            LOG.warnf("checktoken refused %d call(s) without valid data provider credentials since the last such line "
                    + "(at most one line a minute; metric %s counts them all)", count.getAsLong(), ProtocolNames.CHECKTOKEN_UNAUTHENTICATED_PROMETHEUS);
        }
    }
}
