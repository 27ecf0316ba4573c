package fr.passerelle.consent.keycloak;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import fr.passerelle.consent.DataScopes;
import fr.passerelle.names.ClientAttributes;

/** Reads data providers and their data scopes from the realm: client scopes naming the DP that serves them. */
final class RealmDataScopes {


    private RealmDataScopes() {
    }

    static DataScopes of(RealmModel realm) {
        Map<String, String> providers = new HashMap<>();
        realm.getClientScopesStream().forEach(scope -> {
            String provider = scope.getAttribute(ClientAttributes.DATA_PROVIDER);
            if (provider != null && !provider.isBlank()) {
                providers.put(scope.getName(), provider.trim());
            }
        });
        return new DataScopes(providers);
    }

    static boolean isDataProvider(ClientModel client) {
        return Boolean.parseBoolean(client.getAttribute(ClientAttributes.DATA_PROVIDER));
    }
}
