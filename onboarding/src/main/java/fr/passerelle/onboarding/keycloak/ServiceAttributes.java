package fr.passerelle.onboarding.keycloak;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import fr.passerelle.names.ClientAttributes;
import fr.passerelle.onboarding.DataScope;
import fr.passerelle.onboarding.RealmFacts;
import fr.passerelle.onboarding.ServiceDescription;
import fr.passerelle.onboarding.ServiceKind;

/** The client attributes that carry a service's settings, read and written in one place. */
final class ServiceAttributes {

    static final String SECTOR = ClientAttributes.SECTOR;
    static final String IDP_ALLOW = ClientAttributes.IDP_ALLOW;
    static final String IDP_DENY = ClientAttributes.IDP_DENY;
    static final String DEFAULT_LEVEL = ClientAttributes.DEFAULT_LEVEL;
    static final String MINIMUM_LEVEL = ClientAttributes.MINIMUM_LEVEL;
    static final String CONSENT = ClientAttributes.CONSENT;
    /** On a client: "true" marks a DP. On a client scope: the client id of the DP serving it. */
    static final String DATA_PROVIDER = ClientAttributes.DATA_PROVIDER;

    private ServiceAttributes() {
    }

    static RealmFacts factsOf(KeycloakSession session, RealmModel realm) {
        return new RealmFacts(
                session.identityProviders().getAllStream().map(IdentityProviderModel::getAlias).collect(Collectors.toSet()),
                realm.getClientScopesStream().map(ClientScopeModel::getName).collect(Collectors.toSet()),
                realm.getClientsStream().map(ClientModel::getClientId).collect(Collectors.toSet()));
    }

    /** Writes the settings the rules checked; an empty setting is written empty (Keycloak keeps omitted ones). */
    static void write(ClientModel client, ServiceDescription service) {
        client.setAttribute(SECTOR, service.sector().strip());
        client.setAttribute(IDP_ALLOW, String.join(",", service.allowedIdps()));
        client.setAttribute(IDP_DENY, String.join(",", service.deniedIdps()));
        client.setAttribute(DEFAULT_LEVEL, orEmpty(service.defaultLevel()));
        client.setAttribute(MINIMUM_LEVEL, orEmpty(service.minimumLevel()));
        client.setAttribute(CONSENT, orEmpty(service.consent()));
        if (service.kind() == ServiceKind.DATA_PROVIDER) {
            client.setAttribute(DATA_PROVIDER, "true");
        }
    }

    /** The settings of an existing client, in the description's terms. */
    static ServiceDescription read(RealmModel realm, ClientModel client) {
        boolean dp = Boolean.parseBoolean(client.getAttribute(DATA_PROVIDER));
        List<DataScope> dataScopes = realm.getClientScopesStream()
                .filter(scope -> client.getClientId().equals(scope.getAttribute(DATA_PROVIDER)))
                .map(scope -> new DataScope(scope.getName(), scope.getDescription(), scope.getAttribute("consent.screen.text")))
                .toList();
        return new ServiceDescription(dp ? ServiceKind.DATA_PROVIDER : ServiceKind.SERVICE_PROVIDER, client.getClientId(), client.getName(),
                client.getAttribute(SECTOR), List.copyOf(client.getRedirectUris()), list(client.getAttribute("post.logout.redirect.uris"), "##"),
                list(client.getAttribute(IDP_ALLOW), "[,\\s]+"), list(client.getAttribute(IDP_DENY), "[,\\s]+"),
                client.getAttribute(DEFAULT_LEVEL), client.getAttribute(MINIMUM_LEVEL), client.getAttribute(CONSENT),
                client.getClientScopes(false).keySet().stream().sorted().toList(), dataScopes);
    }

    static List<String> list(String value, String separator) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.strip().split(separator)).filter(s -> !s.isBlank()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
