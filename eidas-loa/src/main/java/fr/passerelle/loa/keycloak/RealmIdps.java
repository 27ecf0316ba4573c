package fr.passerelle.loa.keycloak;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Every identity provider of the realm a person may sign in with, as Keycloak's model caches know them now, without
 * a database query per call. Keycloak answers a query over a realm's IdPs from the database every time (only single
 * IdPs and the login page's list are cached), and a login asked it three times (choice page, choice, IdP answer).
 * Here the list of IdP ids of the realm is remembered; each IdP is read through Keycloak's cache on every call (so a
 * change of an IdP's settings counts at once, on every node); and the remembered ids are checked on every call
 * against Keycloak's cached login list (enabled, not link-only, not hidden on Keycloak's login page; invalidated
 * cluster-wide on any IdP change): any difference, or an IdP gone, means a fresh query. The one change this check
 * cannot see, an IdP created already hidden on Keycloak's login page, counts after at most {@link #REFRESH_MILLIS}.
 */
final class RealmIdps {

    static final long REFRESH_MILLIS = 60_000;
    private static final Map<String, Known> KNOWN = new ConcurrentHashMap<>();

    private record Known(List<String> ids, long until) {
    }

    private RealmIdps() {
    }

    static List<IdentityProviderModel> all(KeycloakSession session) {
        IdentityProviderStorageProvider idps = session.identityProviders();
        RealmModel realm = session.getContext().getRealm();
        long now = System.currentTimeMillis();
        Known known = realm == null ? null : KNOWN.get(realm.getId());
        if (known != null && now < known.until()) {
            List<IdentityProviderModel> models = known.ids().stream().map(idps::getById).toList();
            if (models.stream().allMatch(Objects::nonNull) && onLoginPage(models).equals(
                    idps.getForLogin(IdentityProviderStorageProvider.FetchMode.ALL, null).map(IdentityProviderModel::getInternalId)
                            .collect(Collectors.toSet()))) {
                return models;
            }
        }
        List<IdentityProviderModel> models = idps.getAllStream(IdentityProviderQuery.userAuthentication()).toList();
        if (realm != null) {
            KNOWN.put(realm.getId(), new Known(models.stream().map(IdentityProviderModel::getInternalId).toList(), now + REFRESH_MILLIS));
        }
        return models;
    }

    /** The ids Keycloak's login list holds for these IdPs. */
    private static Set<String> onLoginPage(List<IdentityProviderModel> models) {
        return models.stream()
                .filter(IdentityProviderModel::isEnabled)
                .filter(m -> !Boolean.TRUE.equals(m.isLinkOnly()) && !Boolean.TRUE.equals(m.isHideOnLogin()))
                .map(IdentityProviderModel::getInternalId)
                .collect(Collectors.toSet());
    }
}
