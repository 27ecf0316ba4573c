package fr.passerelle.notice.keycloak;

import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import fr.passerelle.notice.NoticeNames;
import fr.passerelle.notice.RateLimiter;

/**
 * The report page's factory. The rate limit is per node: {@code --spi-realm-restapi-extension--passerelle-report--attempts}
 * attempts (default 10) per client address per {@code ...--window-minutes} (default 15).
 */
public class ReportResourceProviderFactory implements RealmResourceProviderFactory {

    private RateLimiter limiter;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ReportResource(session, limiter);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        limiter = new RateLimiter(config.getInt("attempts", 10), Duration.ofMinutes(config.getInt("window-minutes", 15)), 100_000);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return NoticeNames.REPORT_RESOURCE_ID;
    }

    @Override
    public void close() {
    }
}
