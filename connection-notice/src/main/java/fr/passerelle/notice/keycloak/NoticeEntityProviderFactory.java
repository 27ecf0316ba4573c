package fr.passerelle.notice.keycloak;

import java.util.List;

import fr.passerelle.support.keycloak.TableProviderFactory;

/** Declares the notice outbox and report tables to Keycloak's JPA layer (entities plus Liquibase changelog). */
public class NoticeEntityProviderFactory extends TableProviderFactory {

    public static final String PROVIDER_ID = "passerelle-connection-notice";

    public NoticeEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/passerelle-notice-changelog.xml", NoticeEntity.class, ReportEntity.class);
    }

    @Override
    protected List<String> identityKeyTables() {
        return List.of("PASSERELLE_NOTICE", "PASSERELLE_REPORT");
    }
}
