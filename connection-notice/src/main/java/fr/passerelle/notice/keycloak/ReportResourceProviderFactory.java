package fr.passerelle.notice.keycloak;

import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import fr.passerelle.notice.NoticeNames;
import fr.passerelle.notice.AttemptLimit;

/**
 * The report page's factory. The rate limit holds for the whole cluster (its slots are Keycloak's single-use objects,
 * which every node shares): {@code --spi-realm-restapi-extension--passerelle-report--attempts} attempts (default 10)
 * per client address in any {@code ...--window-minutes} (default 15).
 */
public class ReportResourceProviderFactory implements RealmResourceProviderFactory {

    private AttemptLimit limit;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ReportResource(session, limit);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        limit = new AttemptLimit(config.getInt("attempts", 10), Duration.ofMinutes(config.getInt("window-minutes", 15)));
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
