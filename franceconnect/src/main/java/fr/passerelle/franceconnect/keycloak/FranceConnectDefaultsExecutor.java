package fr.passerelle.franceconnect.keycloak;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import fr.passerelle.franceconnect.FranceConnectDefaults;

/**
 * Client-policy executor on client registration and update: a client that has (or gets) the FranceConnect profile
 * receives FranceConnect's token settings as Keycloak's own client attributes wherever the operator left them unset
 * ({@link FranceConnectDefaults}), like Keycloak's own executors that auto-configure a client.
 */
public class FranceConnectDefaultsExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public String getProviderId() {
        return FranceConnectDefaultsExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) {
        if (context.getEvent() != ClientPolicyEvent.REGISTER && context.getEvent() != ClientPolicyEvent.UPDATE) {
            return;
        }
        ClientCRUDContext crud = (ClientCRUDContext) context;
        ClientRepresentation proposed = crud.getProposedClientRepresentation();
        if (proposed == null) {
            return;
        }
        ClientModel target = crud.getTargetClient();
        Map<String, String> stored = target == null ? Map.of() : target.getAttributes();
        Map<String, String> sent = proposed.getAttributes() == null ? Map.of() : proposed.getAttributes();
        Map<String, String> additions = FranceConnectDefaults.missing(sent, stored);
        if (additions.isEmpty()) {
            return;
        }
        Map<String, String> attributes = new HashMap<>(sent);
        attributes.putAll(additions);
        proposed.setAttributes(attributes);
        FranceConnectClients.LOG.infof("FranceConnect-profile client %s: FranceConnect's settings added where unset: %s",
                proposed.getClientId() != null ? proposed.getClientId() : target == null ? "(new)" : target.getClientId(), additions.keySet());
    }
}
