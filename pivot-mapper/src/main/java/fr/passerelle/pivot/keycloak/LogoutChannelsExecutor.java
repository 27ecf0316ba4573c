package fr.passerelle.pivot.keycloak;

import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Client-policy executor on client registration and update: Keycloak's logout requests to a service go without a
 * session id ({@code frontchannel.logout.session.required} and {@code backchannel.logout.session.required} set to
 * false, as Keycloak's own executors auto-configure a client). A front-channel request would carry Keycloak's real
 * session id, the same for every sector; a back-channel logout token would name the session by an id the service
 * never saw in its ID token (which carries none). Without it, a logout token names the person by the service's own
 * pairwise {@code sub}, and the service ends that person's sessions, as OpenID Connect back-channel logout provides.
 */
public class LogoutChannelsExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final Logger LOG = Logger.getLogger(LogoutChannelsExecutor.class);

    LogoutChannelsExecutor(KeycloakSession session) {
        // stateless
    }

    @Override
    public String getProviderId() {
        return LogoutChannelsExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) {
        if (context.getEvent() != ClientPolicyEvent.REGISTER && context.getEvent() != ClientPolicyEvent.UPDATE) {
            return;
        }
        ClientRepresentation proposed = ((ClientCRUDContext) context).getProposedClientRepresentation();
        if (proposed == null) {
            return;
        }
        Map<String, String> attributes = proposed.getAttributes() == null ? new HashMap<>() : new HashMap<>(proposed.getAttributes());
        boolean changed = false;
        for (String setting : new String[] {OIDCConfigAttributes.FRONT_CHANNEL_LOGOUT_SESSION_REQUIRED,
                OIDCConfigAttributes.BACKCHANNEL_LOGOUT_SESSION_REQUIRED}) {
            if (!"false".equals(attributes.get(setting))) {
                attributes.put(setting, "false");
                changed = true;
            }
        }
        if (changed) {
            proposed.setAttributes(attributes);
            LOG.debugf("Client %s: logout requests without a session id", proposed.getClientId());
        }
    }
}
