package fr.passerelle.pivot.keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

import fr.passerelle.names.RelinkReasons;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.IdentityKey;
import fr.passerelle.pivot.IdentityKeyring;
import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentity;
import fr.passerelle.pivot.PivotIdentityValidator;
import fr.passerelle.pivot.PivotIdentityValidator.Invalid;
import fr.passerelle.pivot.PivotIdentityValidator.Valid;

/**
 * Reads the identity an IdP sent, validates it into a pivot identity and puts it, with its identity key,
 * on the brokered identity; an invalid identity refuses the login before anything is stored.
 */
public class PivotIdentityMapper extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "passerelle-pivot-identity-mapper";
    static final String PRESET = "passerelle.preset";
    private static final String CLAIM_PREFIX = "passerelle.claim.";
    private static final Logger LOG = Logger.getLogger("fr.passerelle.pivot");

    private static final List<ProviderConfigProperty> CONFIG = configProperties();

    static String claimConfigKey(PivotField field) {
        return CLAIM_PREFIX + field.claim();
    }

    @Override
    public void init(Config.Scope config) {
        PlatformSecret.IDENTITY_KEY.configure(config);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {IdentityProviderMapper.ANY_PROVIDER};
    }

    @Override
    public String getDisplayCategory() {
        return "Passerelle";
    }

    @Override
    public String getDisplayType() {
        return "Passerelle pivot identity";
    }

    @Override
    public String getHelpText() {
        return "Validates the identity sent by the IdP into the pivot identity (names, birthdate, gender, birthplace,"
                + " birthcountry or eIDAS person identifier) and its identity key; refuses the login when invalid.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        Map<String, String> config = mapperModel.getConfig();
        UpstreamNames names = UpstreamNames.fromConfig(config.get(PRESET));
        PivotIdentityValidator.Result result = PivotIdentityValidator.validate(new BrokeredClaims(context, names, config), names.profile());
        if (result instanceof Invalid invalid) {
            throw PivotRefusal.refuse(session, context, invalid.violations());
        }
        PivotIdentity identity = ((Valid) result).identity();
        IdentityKeyring keyring = PlatformSecret.keyring(session);
        IdentityKey key = keyring.key(identity);
        PivotAttributes.of(identity, key, keyring.version()).forEach(context::setUserAttribute);
        // Read only when an account is made (or for a transient one): an existing account keeps its version.
        context.setUserAttribute(UserAttributes.SUB_VERSION, PlatformSecret.SUB.currentVersion());
        context.setModelUsername(OpaqueUsernames.next());
        context.setFirstName(identity.givenName());
        context.setLastName(identity.familyName());
        context.setEmail(identity.email());
        if (!context.getIdpConfig().isTransientUsers()) {
            new IdentityKeyMigration(session, realm).moveToCurrentKey(key, keyring.version(), keyring.formerKeys(identity));
        }
        followTheKey(session, realm, context, key);
        LOG.debugf("Pivot identity accepted from IdP %s", context.getIdpConfig().getAlias());
    }

    /**
     * The account is the one holding the key, also on a returning login: when the IdP now asserts another identity
     * for an upstream subject linked to an account, the link leaves that account, and the first-login step finds
     * (or creates) the account of the new key. An account's key never changes under it.
     */
    private static void followTheKey(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, IdentityKey key) {
        if (context.getIdpConfig().isTransientUsers() || context.getId() == null) {
            return;
        }
        String alias = context.getIdpConfig().getAlias();
        UserModel linked = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, context.getId(), context.getUsername()));
        if (linked != null && !key.hex().equals(linked.getFirstAttribute(UserAttributes.IDENTITY_KEY))) {
            IdpRelink.unlink(session, realm, context.getAuthenticationSession().getClient(), linked, alias,
                    RelinkReasons.IDENTITY_CHANGED);
        }
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        refresh(user, context);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        refresh(user, context);
        withoutDefaultRoles(realm, user, context);
    }

    /**
     * Accounts made before the broker stopped granting them take Keycloak's default roles off at their next login:
     * those roles carry the right to link and unlink IdP accounts, which only the first-login step may do.
     */
    private static void withoutDefaultRoles(RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        if (!context.getIdpConfig().isTransientUsers() && user.hasDirectRole(realm.getDefaultRole())) {
            user.deleteRoleMapping(realm.getDefaultRole());
        }
    }

    /** Every login refreshes the account from what the IdP just sent, clearing what it no longer sends. */
    static void refresh(UserModel user, BrokeredIdentityContext context) {
        Map<String, List<String>> sent = context.getAttributes();
        for (String attribute : PivotAttributes.ALL) {
            List<String> values = sent.get(attribute);
            if (values == null || values.isEmpty()) {
                user.removeAttribute(attribute);
            } else {
                user.setAttribute(attribute, values);
            }
        }
    }

    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty preset = new ProviderConfigProperty(PRESET, "Upstream names preset",
                "OIDC: the standard claims given_name, family_name, birthdate, gender, birthplace, birthcountry,"
                        + " preferred_username, email (French identity). EIDAS: the eIDAS natural-person attribute URIs"
                        + " (foreign identity, person identifier required). EUDI: the PID of the EU Digital Identity Wallet"
                        + " (place_of_birth.locality as text, sex 1/2 as gender, keyed by issuing_country and"
                        + " personal_administrative_number).",
                ProviderConfigProperty.LIST_TYPE, "OIDC");
        preset.setOptions(List.of("OIDC", "EIDAS", "EUDI"));
        properties.add(preset);
        for (PivotField field : PivotField.values()) {
            properties.add(new ProviderConfigProperty(claimConfigKey(field), "Upstream name of " + field.claim(),
                    "The claim (OIDC) or attribute name or friendly name (SAML) the IdP uses for " + field.claim()
                            + "; blank uses the preset's.",
                    ProviderConfigProperty.STRING_TYPE, null));
        }
        return List.copyOf(properties);
    }
}
