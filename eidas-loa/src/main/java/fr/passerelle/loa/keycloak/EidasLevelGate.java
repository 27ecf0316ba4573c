package fr.passerelle.loa.keycloak;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderDataMarshaller;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

import fr.passerelle.loa.LevelVerdict;
import fr.passerelle.loa.Refused;
import fr.passerelle.names.EventDetails;

/**
 * Judges the IdP's level as soon as it answers, before Keycloak looks the account up: a refused level
 * then stores nothing (no account, no link), and the person is back at the IdP choice with the reason.
 * The post-broker-login step {@code passerelle-eidas-level} still records the accepted level.
 */
public class EidasLevelGate extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "passerelle-eidas-level-gate";

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
        return "Passerelle eIDAS level gate";
    }

    @Override
    public String getHelpText() {
        return "Refuses a level the IdP may not assert, or below the request, before anything is stored;"
                + " the person goes back to the IdP choice with the reason.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        LevelVerdict verdict = EidasLevelAuthenticator.judge(context.getIdpConfig(), context.getAuthenticationSession(), upstreamValues(context));
        if (verdict instanceof Refused refused) {
            String alias = context.getIdpConfig().getAlias();
            String code = refused.reason().code();
            LevelSettings.LOG.infof("Login through identity provider %s refused before any storage: %s", alias, code);
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.IDENTITY_PROVIDER_LOGIN_ERROR)
                    .client(context.getAuthenticationSession().getClient())
                    .detail(Details.IDENTITY_PROVIDER, alias)
                    .detail(EventDetails.REASON, code)
                    .error(code);
            throw new WebApplicationException(EidasLevelAuthenticator.backToChoice(session, context.getAuthenticationSession(),
                    context.getIdpConfig(), refused.reason()));
        }
    }

    /** Read as the post-broker-login step reads them: the IdP's own serialised form of the ID token or AuthnStatement, or its stated level. */
    private static List<String> upstreamValues(BrokeredIdentityContext context) {
        IdentityProviderDataMarshaller marshaller = context.getIdp().getMarshaller();
        Object idToken = context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
        if (idToken != null) {
            return UpstreamLevelValues.fromSerializedIdToken(marshaller.serialize(idToken));
        }
        Object authnStatement = context.getContextData().get(SAMLEndpoint.SAML_AUTHN_STATEMENT);
        if (authnStatement != null) {
            return UpstreamLevelValues.fromAuthnStatementXml(marshaller.serialize(authnStatement));
        }
        Object stated = context.getContextData().get(UpstreamLevelValues.STATED_LEVEL);
        return UpstreamLevelValues.fromStatedLevel(stated instanceof String level ? level : null);
    }
}
