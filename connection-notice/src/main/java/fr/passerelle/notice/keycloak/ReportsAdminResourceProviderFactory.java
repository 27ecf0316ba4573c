package fr.passerelle.notice.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.passerelle.notice.NoticeNames;
import fr.passerelle.support.keycloak.AdminResourceFactory;

/**
 * {@code GET /admin/realms/{realm}/passerelle-reports}: the "it wasn't me" reports, newest first, with the
 * connection's traces; {@code GET .../notices}: the notice outbox (status, attempts, no address). For administrators
 * allowed to view the realm's events.
 */
public class ReportsAdminResourceProviderFactory extends AdminResourceFactory {

    private static final int MAX = 1000;

    public ReportsAdminResourceProviderFactory() {
        super(NoticeNames.REPORTS_ADMIN_RESOURCE_ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new Resource(session, realm, auth);
    }

    public static final class Resource {
        private final KeycloakSession session;
        private final RealmModel realm;
        private final AdminPermissionEvaluator auth;

        Resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
            this.session = session;
            this.realm = realm;
            this.auth = auth;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public List<Map<String, Object>> reports(@QueryParam("max") Integer max) {
            auth.realm().requireViewEvents();
            return NoticeOutbox.em(session).createNamedQuery("passerelleReportsOfRealm", ReportEntity.class)
                    .setParameter("realmId", realm.getId()).setMaxResults(limit(max, MAX))
                    .getResultStream().map(Resource::json).toList();
        }

        @GET
        @Path("notices")
        @Produces(MediaType.APPLICATION_JSON)
        public List<Map<String, Object>> notices(@QueryParam("max") Integer max) {
            auth.realm().requireViewEvents();
            return NoticeOutbox.em(session).createNamedQuery("passerelleNoticesOfRealm", NoticeEntity.class)
                    .setParameter("realmId", realm.getId()).setMaxResults(limit(max, MAX))
                    .getResultStream().map(Resource::json).toList();
        }

        private static Map<String, Object> json(ReportEntity r) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", r.getId());
            json.put("createdAt", r.getCreatedAt());
            json.put("sp", r.getClientId());
            json.put("idp", r.getIdp());
            json.put("level", r.getLevel());
            json.put("loginTime", r.getLoginTime());
            json.put("sessionId", r.getSessionId());
            json.put("identityKey", r.getIdentityKey());
            json.put("traces", r.getTraces() == null || r.getTraces().isEmpty() ? List.of() : List.of(r.getTraces().split("\n")));
            json.put("supportMailed", r.isSupportMailed());
            json.put("idpBlocked", r.isIdpBlocked());
            return json;
        }

        private static Map<String, Object> json(NoticeEntity n) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", n.getId());
            json.put("sp", n.getClientId());
            json.put("idp", n.getIdp());
            json.put("level", n.getLevel());
            json.put("loginTime", n.getLoginTime());
            json.put("sessionId", n.getSessionId());
            json.put("identityKey", n.getIdentityKey());
            json.put("status", n.getStatus());
            json.put("attempts", n.getAttempts());
            json.put("knownDevice", n.isKnownDevice());
            json.put("suspicious", n.isSuspicious());
            json.put("sentAt", n.getSentAt());
            return json;
        }
    }
}
