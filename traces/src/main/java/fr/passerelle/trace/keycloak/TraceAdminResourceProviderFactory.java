package fr.passerelle.trace.keycloak;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.passerelle.support.keycloak.AdminResourceFactory;
import fr.passerelle.trace.TraceRecord;

/**
 * {@code GET /admin/realms/{realm}/passerelle-traces?identityKey=...&max=...}: the realm's traces, newest
 * first, every stored column, for administrators allowed to view the realm's events. For audits and
 * support; the person reads their own through the dashboard.
 */
public class TraceAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "passerelle-traces";
    private static final int MAX = 1000;

    public TraceAdminResourceProviderFactory() {
        super(PROVIDER_ID);
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
        public List<Map<String, Object>> list(@QueryParam("identityKey") String identityKey, @QueryParam("max") Integer max) {
            auth.realm().requireViewEvents();
            int limit = limit(max, MAX);
            TraceStore store = new TraceStore(session);
            List<TraceRecord> traces = identityKey == null || identityKey.isBlank()
                    ? store.ofRealm(realm, Instant.EPOCH, limit)
                    : store.ofIdentity(realm, identityKey, Instant.EPOCH, limit);
            return traces.stream().map(Resource::json).toList();
        }

        private static Map<String, Object> json(TraceRecord t) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("event", t.event().code());
            json.put("time", t.time().toEpochMilli());
            json.put("sp", t.sp());
            json.put("idp", t.idp());
            json.put("level", t.level());
            json.put("scopes", t.scopes());
            json.put("dp", t.dp());
            json.put("sessionId", t.sessionId());
            json.put("identityKey", t.identityKey());
            json.put("reason", t.reason());
            return json;
        }
    }
}
