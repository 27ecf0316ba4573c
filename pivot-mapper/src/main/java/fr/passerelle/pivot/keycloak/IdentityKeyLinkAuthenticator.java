package fr.passerelle.pivot.keycloak;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.IdpConfirmOverrideLinkAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.light.LightweightUserAdapter;

import fr.passerelle.names.RelinkReasons;
import fr.passerelle.names.UserAttributes;

/**
 * First broker login without any page: the account is the one holding the identity key the pivot mapper
 * computed, as the database's holder table says (first logins of one person take turns, see {@link FirstLoginTurns},
 * and wait for each other on its row).
 * A second IdP for the same person is linked to it; an IdP that re-issued the person's account is relinked;
 * a new identity gets a new account; with "do not store users" on the IdP, a transient account that is never
 * written.
 */
public class IdentityKeyLinkAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger("fr.passerelle.pivot");

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        String key = brokerContext.getUserAttribute(UserAttributes.IDENTITY_KEY);
        String idp = brokerContext.getIdpConfig().getAlias();
        if (key == null) {
            LOG.errorf("IdP %s has no %s mapper: no identity key, login refused", idp, PivotIdentityMapper.PROVIDER_ID);
            context.failure(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR);
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        if (brokerContext.getIdpConfig().isTransientUsers()) {
            UserModel transientUser = new LightweightUserAdapter(session, context.getAuthenticationSession().getParentSession().getId());
            accept(context, transientUser, serializedCtx, true);
            return;
        }
        FirstLoginTurns.take(session, realm, key, context.getAuthenticationSession());
        IdentityKeyHolderEntity row = new IdentityKeyHolders(session).lock(realm, key);
        UserModel holder = row.getUserId() == null ? null : session.users().getUserById(realm, row.getUserId());
        if (holder == null) {
            // Accounts from before the holder table: the attribute says who holds the key.
            List<UserModel> holders = session.users().searchForUserByUserAttributeStream(realm, UserAttributes.IDENTITY_KEY, key)
                    .limit(2).toList();
            if (holders.size() > 1) {
                LOG.errorf("Identity key held by several accounts in realm %s; login via %s refused until an operator merges them",
                        realm.getName(), idp);
                FirstLoginTurns.giveBack(session, context.getAuthenticationSession());
                context.failure(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR);
                return;
            }
            holder = holders.isEmpty() ? null : holders.get(0);
        }
        // Keycloak links the IdP account once this flow is done; a link of this IdP already on the account is replaced
        // then (Keycloak's override), as when a concurrent login of the same IdP account linked it meanwhile.
        context.getAuthenticationSession().setAuthNote(IdpConfirmOverrideLinkAuthenticator.OVERRIDE_LINK, "true");
        if (holder != null) {
            row.setUserId(holder.getId());
            unlinkStale(context, holder, brokerContext);
            PivotIdentityMapper.refresh(holder, brokerContext);
            LOG.debugf("IdP %s linked to the existing account of the same identity", idp);
            context.setUser(holder);
            context.success();
            return;
        }
        // No default roles: a person needs none, and Keycloak's default roles would let them link IdP accounts.
        UserModel created = session.users().addUser(realm, null, OpaqueUsernames.next(), false, true);
        row.setUserId(created.getId());
        accept(context, created, serializedCtx, false);
    }

    /** The IdP re-issued the person's account: the link to the old upstream subject goes, the new one replaces it. */
    private static void unlinkStale(AuthenticationFlowContext context, UserModel holder, BrokeredIdentityContext brokerContext) {
        String idp = brokerContext.getIdpConfig().getAlias();
        FederatedIdentityModel link = context.getSession().users().getFederatedIdentity(context.getRealm(), holder, idp);
        if (link != null && !link.getUserId().equals(brokerContext.getId())) {
            IdpRelink.unlink(context.getSession(), context.getRealm(), context.getAuthenticationSession().getClient(), holder, idp,
                    RelinkReasons.UPSTREAM_SUBJECT_CHANGED);
        }
    }

    private static void accept(AuthenticationFlowContext context, UserModel user,
            SerializedBrokeredIdentityContext serializedCtx, boolean transientUser) {
        if (transientUser) {
            user.setUsername(OpaqueUsernames.next());
        }
        user.setEnabled(true);
        for (Map.Entry<String, List<String>> attribute : serializedCtx.getAttributes().entrySet()) {
            if (!UserModel.USERNAME.equalsIgnoreCase(attribute.getKey())) {
                user.setAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        LOG.debugf("New %s account for an identity from IdP %s", transientUser ? "transient" : "stored",
                serializedCtx.getIdentityProviderId());
        context.setUser(user);
        context.getAuthenticationSession().setAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER, "true");
        context.success();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        // no page: nothing to act on
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
