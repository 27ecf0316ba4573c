package fr.passerelle.consent.keycloak;

import java.util.Map;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import fr.passerelle.consent.AnswerSignature;
import fr.passerelle.names.ClientAttributes;

/**
 * Client policy executor {@value #ID}: a data provider's client secret keys the HS256 signature of its checktoken
 * answers, so a DP registered or given a new secret (admin console, admin API, dynamic registration) with a secret
 * shorter than 256 bits is refused with {@code invalid_client_metadata} and the code
 * {@value AnswerSignature#SECRET_TOO_SHORT}. Keycloak's own generated secrets are long enough.
 */
public class DataProviderSecretExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    public static final String ID = "passerelle-dp-secret-length";

    @Override
    public String getProviderId() {
        return ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> check((ClientCRUDContext) context);
            default -> {
            }
        }
    }

    private static void check(ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        ClientModel current = context.getTargetClient();
        if (proposed == null || !isDataProvider(proposed, current)) {
            return;
        }
        String secret = proposed.getSecret();
        boolean changed = secret != null && (current == null || !secret.equals(current.getSecret()));
        if (changed && !Boolean.TRUE.equals(proposed.isPublicClient()) && !AnswerSignature.longEnough(secret)) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_CLIENT_METADATA, AnswerSignature.SECRET_TOO_SHORT
                    + ": a data provider's client secret keys its HS256 checktoken answers and needs at least "
                    + AnswerSignature.MIN_SECRET_BYTES + " bytes (256 bits)");
        }
    }

    private static boolean isDataProvider(ClientRepresentation proposed, ClientModel current) {
        Map<String, String> attributes = proposed.getAttributes();
        if (attributes != null && attributes.containsKey(ClientAttributes.DATA_PROVIDER)) {
            return Boolean.parseBoolean(attributes.get(ClientAttributes.DATA_PROVIDER));
        }
        return current != null && Boolean.parseBoolean(current.getAttribute(ClientAttributes.DATA_PROVIDER));
    }
}
