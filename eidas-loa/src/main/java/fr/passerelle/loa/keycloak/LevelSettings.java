package fr.passerelle.loa.keycloak;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.EidasLevel;
import fr.passerelle.loa.IdpEntry;
import fr.passerelle.loa.IdpLevelPolicy;
import fr.passerelle.loa.IdpMaintenance;
import fr.passerelle.loa.LevelRequestParser;
import fr.passerelle.loa.RequestedLevel;
import fr.passerelle.loa.SpIdpRules;
import fr.passerelle.loa.SsoPolicy;
import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.IdpConfig;
import fr.passerelle.names.RealmAttributes;

/** Reads the level settings of the realm, its clients and identity providers into the domain core. */
final class LevelSettings {

    static final Logger LOG = Logger.getLogger("fr.passerelle.loa");
    private static final DateTimeFormatter ANNOUNCED_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    // An IdP nobody configured is trusted for the lowest level only.
    private static final String DEFAULT_IDP_LEVELS = EidasLevel.LOW.acr();

    private LevelSettings() {
    }

    /** @throws IllegalArgumentException when the IdP's level settings are invalid */
    static IdpLevelPolicy policyOf(IdentityProviderModel idp) {
        Map<String, String> config = idp.getConfig();
        String levels = config.get(IdpConfig.LEVELS);
        return IdpLevelPolicy.parse(levels == null || levels.isBlank() ? DEFAULT_IDP_LEVELS : levels,
                config.get(IdpConfig.LEVEL_MAPPING), config.get(IdpConfig.MINIMUM_LEVEL));
    }

    static RequestedLevel requestedLevel(AuthenticationSessionModel authSession) {
        ClaimsAcr claims = ClaimsAcr.parse(authSession.getClientNote(OIDCLoginProtocol.CLAIMS_PARAM));
        ClientModel client = authSession.getClient();
        Optional<EidasLevel> clientDefault = EidasLevel.fromAcr(client.getAttribute(ClientAttributes.DEFAULT_LEVEL));
        return LevelRequestParser.resolve(authSession.getClientNote(OIDCLoginProtocol.ACR_PARAM),
                claims.essential(), claims.voluntary(), clientDefault, platformDefault(authSession.getRealm()))
                .atLeast(EidasLevel.fromAcr(client.getAttribute(ClientAttributes.MINIMUM_LEVEL)));
    }

    static EidasLevel platformDefault(RealmModel realm) {
        String configured = realm.getAttribute(RealmAttributes.DEFAULT_LEVEL);
        return EidasLevel.fromAcr(configured).orElse(EidasLevel.LOW);
    }

    static SsoPolicy ssoPolicy(RealmModel realm) {
        try {
            return SsoPolicy.parse(realm.getAttribute(RealmAttributes.SSO_CEILING));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Realm %s: %s; single sign-on uses the default ceiling", realm.getName(), e.getMessage());
            return new SsoPolicy(SsoPolicy.DEFAULT_CEILING);
        }
    }

    static SpIdpRules rulesOf(ClientModel client) {
        return SpIdpRules.parse(client.getAttribute(ClientAttributes.IDP_ALLOW),
                client.getAttribute(ClientAttributes.IDP_DENY));
    }

    /**
     * Every enabled IdP a person may sign in with, hidden ones included, in display order. An IdP whose level
     * settings are invalid is left out, with an error in the log, rather than offered with levels nobody configured.
     */
    static List<IdpEntry> entries(KeycloakSession session) {
        return RealmIdps.all(session).stream()
                .filter(IdentityProviderModel::isEnabled)
                .filter(idp -> !idp.isLinkOnly())
                .sorted(Comparator.comparing(LevelSettings::guiOrder).thenComparing(IdentityProviderModel::getAlias))
                .map(LevelSettings::entryOf)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<IdpEntry> entryOf(IdentityProviderModel idp) {
        try {
            return Optional.of(new IdpEntry(idp.getAlias(), idp.getDisplayName(),
                    Boolean.parseBoolean(idp.getConfig().get(IdpConfig.HIDDEN)),
                    maintenanceOf(idp).messageAt(Instant.now()).orElse(null), policyOf(idp)));
        } catch (IllegalArgumentException e) {
            LOG.errorf("Identity provider %s left out of the IdP choice: %s", idp.getAlias(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The IdP's maintenance (scheduled window or standing message); invalid settings throw IllegalArgumentException. */
    static IdpMaintenance maintenanceOf(IdentityProviderModel idp) {
        return IdpMaintenance.parse(idp.getConfig().get(IdpConfig.MAINTENANCE_START),
                idp.getConfig().get(IdpConfig.MAINTENANCE_END), idp.getConfig().get(IdpConfig.MAINTENANCE_MESSAGE));
    }

    /** The choice page's announcement of a window ahead (start, end as the page shows them, message), or an empty map. */
    static Map<String, String> maintenanceAnnouncement(IdentityProviderModel idp) {
        try {
            return maintenanceOf(idp).announcementAt(Instant.now())
                    .map(window -> Map.of("start", ANNOUNCED_TIME.format(window.start()), "end", ANNOUNCED_TIME.format(window.end()),
                            "message", window.message()))
                    .orElse(Map.of());
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static int guiOrder(IdentityProviderModel idp) {
        try {
            return Integer.parseInt(idp.getConfig().getOrDefault("guiOrder", "").strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
