package fr.passerelle.loa.keycloak;

import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import fr.passerelle.loa.EidasLevel;
import fr.passerelle.loa.LevelRequestParser;

/**
 * Client policy executor: an authorization request whose {@code claims} parameter marks {@code acr} essential
 * with only values the broker does not know is answered with {@code unmet_authentication_requirements} at the
 * SP's redirect URI, before any page is shown, instead of being served at a default level.
 */
public class EssentialAcrExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    public static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";

    @Override
    public String getProviderId() {
        return EssentialAcrExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }
        String claims = ((AuthorizationRequestContext) context).getAuthorizationEndpointRequest().getClaims();
        if (LevelRequestParser.essentialUnmet(ClaimsAcr.parse(claims).essential())) {
            throw new ClientPolicyException(UNMET_AUTHENTICATION_REQUIREMENTS,
                    "None of the essential acr values is a level this broker knows (" + knownLevels() + ")");
        }
    }

    private static String knownLevels() {
        StringBuilder levels = new StringBuilder();
        for (EidasLevel level : EidasLevel.values()) {
            levels.append(levels.length() == 0 ? "" : ", ").append(level.acr());
        }
        return levels.toString();
    }
}
