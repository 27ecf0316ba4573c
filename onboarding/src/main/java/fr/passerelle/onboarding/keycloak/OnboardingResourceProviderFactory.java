package fr.passerelle.onboarding.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.fasterxml.jackson.databind.JsonNode;

import fr.passerelle.onboarding.OnboardingRules;
import fr.passerelle.onboarding.ServiceDescription;
import fr.passerelle.onboarding.Violation;
import fr.passerelle.support.keycloak.AdminResourceFactory;

/**
 * {@code /admin/realms/{realm}/passerelle-onboarding/services}: registers an SP or a DP from its description
 * ({@code POST}, {@code ?dryRun=true} to check only), and shows a service's settings
 * ({@code GET .../services/{clientId}}). For administrators who may manage clients. A refused description stores
 * nothing and answers 400 with every violation.
 */
public class OnboardingResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "passerelle-onboarding";
    private static final Logger LOG = Logger.getLogger("fr.passerelle.onboarding");

    public OnboardingResourceProviderFactory() {
        super(PROVIDER_ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new Resource(session, realm, auth, adminEvent);
    }

    public static final class Resource {
        private final KeycloakSession session;
        private final RealmModel realm;
        private final AdminPermissionEvaluator auth;
        private final AdminEventBuilder adminEvent;

        Resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
            this.session = session;
            this.realm = realm;
            this.auth = auth;
            this.adminEvent = adminEvent;
        }

        @POST
        @Path("services")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Response register(JsonNode body, @QueryParam("dryRun") boolean dryRun) {
            auth.clients().requireManage();
            auth.clients().requireManageClientScopes();
            ServiceDescriptions.Parsed parsed = ServiceDescriptions.parse(body);
            List<Violation> violations = new java.util.ArrayList<>(parsed.violations());
            if (parsed.description() != null) {
                violations.addAll(OnboardingRules.checkRegistration(parsed.description(), ServiceAttributes.factsOf(session, realm)));
            }
            if (!violations.isEmpty()) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", "invalid_service_description");
                error.put("violations", violations);
                return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON).build();
            }
            if (dryRun) {
                return Response.ok(Map.of("violations", List.of())).build();
            }
            Map<String, Object> answer = ServiceRegistrar.register(realm, parsed.description());
            adminEvent.operation(OperationType.CREATE).resource(ResourceType.CLIENT)
                    .resourcePath("clients", (String) answer.get("id")).representation(Map.of("clientId", answer.get("clientId"),
                            "kind", answer.get("kind"), "dataScopes", answer.get("dataScopes"))).success();
            LOG.infof("Realm %s: registered %s %s", realm.getName(), answer.get("kind"), answer.get("clientId"));
            return Response.status(Response.Status.CREATED).entity(answer).type(MediaType.APPLICATION_JSON).build();
        }

        @GET
        @Path("services/{clientId}")
        @Produces(MediaType.APPLICATION_JSON)
        public Response show(@PathParam("clientId") String clientId) {
            auth.clients().requireView();
            ClientModel client = realm.getClientByClientId(clientId);
            if (client == null) {
                return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", "no client " + clientId)).type(MediaType.APPLICATION_JSON).build();
            }
            ServiceDescription settings = ServiceAttributes.read(realm, client);
            return Response.ok(settings).type(MediaType.APPLICATION_JSON).build();
        }
    }
}
