package fr.passerelle.pivot.keycloak;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.light.LightweightUserAdapter;

import fr.passerelle.names.UserAttributes;

/**
 * First broker login without any page: the account is the one holding the identity key the pivot mapper
 * computed. A second IdP for the same person is linked to it; a new identity gets a new account; with
 * "do not store users" on the IdP, a transient account that is never written.
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
            accept(context, transientUser, key, serializedCtx, true);
            return;
        }
        List<UserModel> holders = session.users().searchForUserByUserAttributeStream(realm, UserAttributes.IDENTITY_KEY, key)
                .limit(2).toList();
        if (holders.size() > 1) {
            LOG.errorf("Identity key held by several accounts in realm %s; login via %s refused until an operator merges them",
                    realm.getName(), idp);
            context.failure(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR);
            return;
        }
        if (holders.size() == 1) {
            UserModel existing = holders.get(0);
            PivotIdentityMapper.refresh(existing, brokerContext);
            LOG.debugf("IdP %s linked to the existing account of the same identity", idp);
            context.setUser(existing);
            context.success();
            return;
        }
        accept(context, session.users().addUser(realm, key), key, serializedCtx, false);
    }

    private static void accept(AuthenticationFlowContext context, UserModel user, String key,
            SerializedBrokeredIdentityContext serializedCtx, boolean transientUser) {
        user.setUsername(key);
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
