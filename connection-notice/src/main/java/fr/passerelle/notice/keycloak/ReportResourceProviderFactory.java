package fr.passerelle.notice.keycloak;

import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.notice.AttemptLimit;
import fr.passerelle.notice.NoticeNames;
import fr.passerelle.support.keycloak.RealmResourceFactory;

/**
 * The report page's factory. The rate limit holds for the whole cluster (its slots are Keycloak's single-use objects,
 * which every node shares): {@code --spi-realm-restapi-extension--passerelle-report--attempts} attempts (default 10)
 * per client address in any {@code ...--window-minutes} (default 15).
 */
public class ReportResourceProviderFactory extends RealmResourceFactory {

    private volatile AttemptLimit limit;

    public ReportResourceProviderFactory() {
        super(NoticeNames.REPORT_RESOURCE_ID);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new ReportResource(session, limit);
    }

    @Override
    public void init(Config.Scope config) {
        limit = new AttemptLimit(config.getInt("attempts", 10), Duration.ofMinutes(config.getInt("window-minutes", 15)));
    }
}
