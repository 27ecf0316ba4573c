package fr.passerelle.onboarding.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import fr.passerelle.onboarding.DataScope;
import fr.passerelle.onboarding.ServiceDescription;
import fr.passerelle.onboarding.ServiceKind;

/** Creates the client (and a DP's data scopes) of a description the rules accepted. */
final class ServiceRegistrar {

    // The same shape as the shipped services: confidential, ES256 tokens, PKCE for SPs, only the scopes they list.
    private static final List<String> SP_DEFAULT_SCOPES = List.of("basic", "acr");

    private ServiceRegistrar() {
    }

    /** @return the registration's answer: ids, the client secret (shown once), the data scopes created */
    static Map<String, Object> register(RealmModel realm, ServiceDescription service) {
        boolean sp = service.kind() == ServiceKind.SERVICE_PROVIDER;
        ClientModel client = realm.addClient(service.clientId());
        client.setName(service.name().strip());
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setClientAuthenticatorType(KeycloakModelUtils.getDefaultClientAuthenticatorType());
        String secret = KeycloakModelUtils.generateSecret(client);
        client.setStandardFlowEnabled(sp);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setConsentRequired(false);
        client.setFullScopeAllowed(false);
        client.setFrontchannelLogout(false);
        client.setRedirectUris(Set.copyOf(service.redirectUris()));
        client.setWebOrigins(Set.of());
        // Keycloak gives a new client the realm's default scopes; a service gets exactly the ones below instead.
        for (boolean defaultScope : new boolean[] {true, false}) {
            List.copyOf(client.getClientScopes(defaultScope).values()).forEach(client::removeClientScope);
        }
        client.setAttribute("access.token.signed.response.alg", "ES256");
        client.setAttribute("id.token.signed.response.alg", "ES256");
        if (sp) {
            client.setAttribute("pkce.code.challenge.method", "S256");
            client.setAttribute("post.logout.redirect.uris", String.join("##", service.postLogoutRedirectUris()));
            // Keycloak's session id is the same for every service of a single sign-on session: not in the redirect.
            client.setAttribute("exclude.session.state.from.auth.response", "true");
            SP_DEFAULT_SCOPES.forEach(name -> scope(realm, name).ifPresent(scope -> client.addClientScope(scope, true)));
            service.scopes().forEach(name -> scope(realm, name).ifPresent(scope -> client.addClientScope(scope, false)));
        }
        ServiceAttributes.write(client, service);
        for (DataScope data : service.dataScopes()) {
            ClientScopeModel scope = realm.addClientScope(data.name());
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setDescription(data.description() == null ? "" : data.description());
            scope.setAttribute("include.in.token.scope", "true");
            scope.setAttribute("display.on.consent.screen", "true");
            scope.setAttribute("consent.screen.text", data.consentText().strip());
            scope.setAttribute(ServiceAttributes.DATA_PROVIDER, service.clientId());
            // offered to every SP client created from now on; an existing SP gets it by its own registration or the console
            realm.addDefaultClientScope(scope, false);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", client.getId());
        answer.put("clientId", client.getClientId());
        answer.put("kind", service.kind().code());
        answer.put("secret", secret);
        answer.put("dataScopes", service.dataScopes().stream().map(DataScope::name).toList());
        return answer;
    }

    private static Optional<ClientScopeModel> scope(RealmModel realm, String name) {
        return realm.getClientScopesStream().filter(scope -> scope.getName().equals(name)).findFirst();
    }
}
