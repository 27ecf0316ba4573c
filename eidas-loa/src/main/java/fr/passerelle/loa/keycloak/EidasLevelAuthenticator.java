package fr.passerelle.loa.keycloak;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.Accepted;
import fr.passerelle.loa.IdpLevelPolicy;
import fr.passerelle.loa.LevelJudge;
import fr.passerelle.loa.LevelRefusal;
import fr.passerelle.loa.LevelVerdict;
import fr.passerelle.loa.Refused;
import fr.passerelle.loa.RequestedLevel;
import fr.passerelle.names.EventDetails;
import fr.passerelle.names.IdpConfig;
import fr.passerelle.names.SessionNotes;
import fr.passerelle.support.keycloak.FlowStep;

/**
 * In the post-broker-login flow of every IdP: judges the level the IdP came back with and either
 * records it as the level of this login, or sends the person back to the IdP choice.
 */
public class EidasLevelAuthenticator implements FlowStep {


    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SerializedBrokeredIdentityContext brokered = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                authSession, PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        if (brokered == null) {
            throw new AuthenticationFlowException("passerelle-eidas-level runs only in a post-broker-login flow",
                    AuthenticationFlowError.IDENTITY_PROVIDER_ERROR);
        }
        IdentityProviderModel idp = context.getSession().identityProviders().getByAlias(brokered.getIdentityProviderId());
        LevelVerdict verdict = judge(idp, authSession, upstreamValues(brokered.getContextData()));

        if (verdict instanceof Accepted accepted) {
            accept(context, idp, accepted);
        } else if (verdict instanceof Refused refused) {
            refuse(context, idp, refused.reason());
        }
    }

    /** The verdict on what an IdP came back with, for the level this login asks. */
    static LevelVerdict judge(IdentityProviderModel idp, AuthenticationSessionModel authSession, List<String> upstream) {
        IdpLevelPolicy policy;
        try {
            policy = LevelSettings.policyOf(idp);
        } catch (IllegalArgumentException e) {
            LevelSettings.LOG.errorf("Identity provider %s has invalid level settings: %s", idp.getAlias(), e.getMessage());
            throw new AuthenticationFlowException("invalid level settings", AuthenticationFlowError.IDENTITY_PROVIDER_ERROR);
        }
        RequestedLevel requested = LevelSettings.requestedLevel(authSession);
        return LevelJudge.judge(policy, requested.level(), upstream);
    }

    private static List<String> upstreamValues(Map<String, SerializedBrokeredIdentityContext.ContextDataEntry> data) {
        SerializedBrokeredIdentityContext.ContextDataEntry idToken = data.get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
        if (idToken != null) {
            return UpstreamLevelValues.fromSerializedIdToken(idToken.getData());
        }
        SerializedBrokeredIdentityContext.ContextDataEntry authnStatement = data.get(SAMLEndpoint.SAML_AUTHN_STATEMENT);
        if (authnStatement != null) {
            return UpstreamLevelValues.fromAuthnStatementXml(authnStatement.getData());
        }
        SerializedBrokeredIdentityContext.ContextDataEntry stated = data.get(UpstreamLevelValues.STATED_LEVEL);
        return UpstreamLevelValues.fromStatedLevel(stated == null ? null : stated.getData());
    }

    private static void accept(AuthenticationFlowContext context, IdentityProviderModel idp, Accepted accepted) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        new AcrStore(context.getSession(), authSession).setLevelAuthenticated(accepted.level().loa());
        authSession.setUserSessionNote(SessionNotes.LEVEL, accepted.level().acr());
        AmrClaim.toJsonArray(idp.getConfig().get(IdpConfig.AMR))
                .ifPresent(amr -> authSession.setUserSessionNote(SessionNotes.AMR, amr));
        if (accepted.capped()) {
            LevelSettings.LOG.infof("Identity provider %s claimed more than its ceiling; login kept at %s",
                    idp.getAlias(), accepted.level().acr());
        }
        context.getEvent().detail(EventDetails.LEVEL, accepted.level().acr());
        context.success();
    }

    // Back to the start of the browser flow, where the IdP choice shows why and lets the person
    // pick another IdP: the same authentication session goes on, so the SP's request is kept.
    private static void refuse(AuthenticationFlowContext context, IdentityProviderModel idp, LevelRefusal reason) {
        LevelSettings.LOG.infof("Login through identity provider %s refused: %s", idp.getAlias(), reason.code());
        context.getEvent().clone()
                .event(EventType.IDENTITY_PROVIDER_POST_LOGIN_ERROR)
                .detail(Details.IDENTITY_PROVIDER, idp.getAlias())
                .detail(EventDetails.REASON, reason.code())
                .detail(EventDetails.LEVEL, LevelSettings.requestedLevel(context.getAuthenticationSession()).level().acr())
                .error(reason.code());

        context.forceChallenge(backToChoice(context.getSession(), context.getAuthenticationSession(), idp, reason));
    }

    /** Restarts the browser flow of this authentication session at the IdP choice, with the refusal to show. */
    static Response backToChoice(KeycloakSession session, AuthenticationSessionModel authSession, IdentityProviderModel idp,
            LevelRefusal reason) {
        return backToChoice(session, authSession, idp, reason.code());
    }

    /** Same, for any refusal code the choice page has a message for ({@code passerelleRefusal_<code>}). */
    static Response backToChoice(KeycloakSession session, AuthenticationSessionModel authSession, IdentityProviderModel idp,
            String refusalCode) {
        AuthenticationProcessor.resetFlow(authSession, LoginActionsService.AUTHENTICATE_PATH);
        authSession.setAuthNote(PasserelleKeys.REFUSAL_NOTE, refusalCode + " " + idp.getAlias());
        URI choice = LoginActionsService.loginActionsBaseUrl(session.getContext().getUri())
                .path(LoginActionsService.AUTHENTICATE_PATH)
                .queryParam(Constants.CLIENT_ID, authSession.getClient().getClientId())
                .queryParam(Constants.TAB_ID, authSession.getTabId())
                .queryParam(Constants.CLIENT_DATA, AuthenticationProcessor.getClientData(session, authSession))
                .build(authSession.getRealm().getName());
        return Response.status(Response.Status.FOUND).location(choice).build();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }
}
