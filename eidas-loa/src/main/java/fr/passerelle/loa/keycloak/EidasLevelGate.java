package fr.passerelle.loa.keycloak;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

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
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.OptionState;

import fr.passerelle.loa.LevelVerdict;
import fr.passerelle.loa.Refused;
import fr.passerelle.names.EventDetails;

/**
 * On every IdP, as soon as it answers and before Keycloak looks the account up: refuses an answer the broker may
 * not take (an IdP the login was not sent to, one the service does not accept, in maintenance, or that cannot reach
 * the level asked, see {@link IdpGate}), refuses linking an IdP account to a signed-in account, and judges the level
 * the IdP asserted. A refusal stores nothing (no account, no link); the person is back at the IdP choice with the
 * reason. The post-broker-login step {@code passerelle-eidas-level} still records the accepted level.
 */
public class EidasLevelGate extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "passerelle-eidas-level-gate";
    /** Refusal code of an attempt to link an IdP account to an account already signed in. */
    static final String LINK_REFUSED = "idp-link-refused";
    private static final String LINK_REFUSED_MESSAGE = "passerelle.error.idp-link-refused";
    // Keycloak's note on an authentication session that links an IdP account to the signed-in account
    // (IdentityBrokerService.LINKING_IDENTITY_PROVIDER).
    private static final String LINKING_NOTE = "LINKING_IDENTITY_PROVIDER";

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
        return "Refuses, before anything is stored, an answer from an IdP this login was not sent to or may not use now"
                + " (service rules, maintenance, level), any account linking outside the first login, and a level the IdP may"
                + " not assert or below the request; the person goes back to the IdP choice with the reason.";
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
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        IdentityProviderModel idp = context.getIdpConfig();
        if (authSession.getAuthNote(LINKING_NOTE) != null) {
            refuse(session, realm, context, LINK_REFUSED);
            throw new WebApplicationException(ErrorPage.error(session, authSession, Response.Status.FORBIDDEN, LINK_REFUSED_MESSAGE,
                    ChoicePage.displayNameOf(session, idp.getAlias())));
        }
        Optional<OptionState> refusal = IdpGate.judgeAnswer(session, authSession, idp.getAlias());
        if (refusal.isPresent()) {
            refuse(session, realm, context, refusal.get().code());
            throw new WebApplicationException(EidasLevelAuthenticator.backToChoice(session, authSession, idp, refusal.get().code()));
        }
        LevelVerdict verdict = EidasLevelAuthenticator.judge(context.getIdpConfig(), context.getAuthenticationSession(), upstreamValues(context));
        if (verdict instanceof Refused refused) {
            refuse(session, realm, context, refused.reason().code());
            throw new WebApplicationException(EidasLevelAuthenticator.backToChoice(session, context.getAuthenticationSession(),
                    context.getIdpConfig(), refused.reason()));
        }
    }

    private static void refuse(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, String code) {
        String alias = context.getIdpConfig().getAlias();
        LevelSettings.LOG.infof("Login through identity provider %s refused before any storage: %s", alias, code);
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.IDENTITY_PROVIDER_LOGIN_ERROR)
                .client(context.getAuthenticationSession().getClient())
                .detail(Details.IDENTITY_PROVIDER, alias)
                .detail(EventDetails.REASON, code)
                .detail(EventDetails.LEVEL, LevelSettings.requestedLevel(context.getAuthenticationSession()).level().acr())
                .error(code);
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
