package fr.passerelle.loa.keycloak;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.utils.OIDCRedirectUriBuilder;
import org.keycloak.protocol.oidc.utils.OIDCResponseMode;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.EidasLevel;
import fr.passerelle.loa.IdpChoice;
import fr.passerelle.loa.IdpLevelPolicy;
import fr.passerelle.loa.IdpOption;
import fr.passerelle.loa.OptionState;
import fr.passerelle.loa.RequestedLevel;
import fr.passerelle.loa.SpIdpRules;
import fr.passerelle.names.IdpConfig;
import fr.passerelle.names.SessionNotes;

/**
 * The browser flow's only step: reuses a session at a suitable level, follows an IdP hint, or
 * shows the IdP choice page; then sends the person to the IdP, asking it for the level needed.
 */
public class IdpChoiceAuthenticator implements Authenticator {

    /** The form or query parameter naming the IdP picked on the page. */
    public static final String CHOICE_PARAM = "passerelle_idp";
    static final String IDP_HINT_PARAM = "idp_hint";
    static final String INVALID_IDP_HINT = "invalid_idp_hint";
    static final String TEMPLATE = "passerelle-idp-choice.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RequestedLevel requested = LevelSettings.requestedLevel(authSession);
        SpIdpRules rules = LevelSettings.rulesOf(authSession.getClient());

        String refusal = authSession.getAuthNote(PasserelleKeys.REFUSAL_NOTE);
        if (refusal != null) {
            authSession.removeAuthNote(PasserelleKeys.REFUSAL_NOTE);
            String[] codeAndAlias = refusal.split(" ", 2);
            showChoice(context, requested, rules, "passerelleRefusal_" + codeAndAlias[0],
                    displayNameOf(context.getSession(), codeAndAlias.length > 1 ? codeAndAlias[1] : ""));
            return;
        }

        Optional<String> hint = hint(context);
        // Hidden IdPs are only left off the page: a service may still send people to them by hint.
        if (hint.isPresent() && IdpChoice.refusalFor(LevelSettings.entries(context.getSession(), true), rules,
                requested.level(), hint.get()).isPresent()) {
            LevelSettings.LOG.infof("Client %s sent an IdP hint it may not use", authSession.getClient().getClientId());
            context.getEvent().clone().detail(Details.REASON, INVALID_IDP_HINT).error(Errors.INVALID_REQUEST);
            context.forceChallenge(invalidHintResponse(context));
            return;
        }
        if (reuseSession(context, requested, rules)) {
            return;
        }
        if (hint.isPresent()) {
            redirectToIdp(context, hint.get(), requested);
            return;
        }
        showChoice(context, requested, rules, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RequestedLevel requested = LevelSettings.requestedLevel(authSession);
        SpIdpRules rules = LevelSettings.rulesOf(authSession.getClient());
        String chosen = chosenAlias(context);
        // The page only offers what may be picked, but the request may not come from the page.
        Optional<OptionState> refusal = IdpChoice.refusalFor(LevelSettings.entries(context.getSession(), false), rules,
                requested.level(), chosen);
        if (refusal.isPresent()) {
            LevelSettings.LOG.infof("Refused a choice of IdP that was not selectable: %s", refusal.get());
            context.getEvent().clone().detail(Details.REASON, "idp-not-selectable").error(Errors.INVALID_REQUEST);
            showChoice(context, requested, rules, "passerelleIdpNotSelectable");
            return;
        }
        redirectToIdp(context, chosen, requested);
    }

    private static String chosenAlias(AuthenticationFlowContext context) {
        String chosen = null;
        if ("POST".equalsIgnoreCase(context.getHttpRequest().getHttpMethod())) {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            chosen = form.getFirst(CHOICE_PARAM);
        }
        return chosen != null ? chosen : context.getUriInfo().getQueryParameters().getFirst(CHOICE_PARAM);
    }

    private static Optional<String> hint(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String hint = context.getUriInfo().getQueryParameters().getFirst(AdapterConstants.KC_IDP_HINT);
        if (hint == null) {
            hint = authSession.getClientNote(AdapterConstants.KC_IDP_HINT);
        }
        if (hint == null) {
            hint = authSession.getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + IDP_HINT_PARAM);
        }
        return hint == null || hint.isBlank() ? Optional.empty() : Optional.of(hint.strip());
    }

    private static boolean reuseSession(AuthenticationFlowContext context, RequestedLevel requested, SpIdpRules rules) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        AuthenticationManager.AuthResult existing = AuthenticationManager.authenticateIdentityCookie(session, context.getRealm(), true);
        if (existing == null) {
            return false;
        }
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        if (protocol != null && protocol.requireReauthentication(existing.session(), authSession)) {
            return false;
        }
        EidasLevel sessionLevel = EidasLevel.fromAcr(existing.session().getNote(SessionNotes.LEVEL)).orElse(null);
        String sessionIdp = existing.session().getNote(Details.IDENTITY_PROVIDER);
        boolean reusable = LevelSettings.ssoPolicy(context.getRealm()).mayReuse(sessionLevel, requested.level())
                && (sessionIdp == null || rules.permits(sessionIdp));
        if (!reusable) {
            LevelSettings.LOG.debugf("Existing session at %s not reused for a request at %s",
                    sessionLevel == null ? "no level" : sessionLevel.acr(), requested.level().acr());
            return false;
        }
        authSession.setAuthNote(Constants.LOA_MAP, existing.session().getNote(Constants.LOA_MAP));
        new AcrStore(session, authSession).setLevelAuthenticatedToCurrentRequest(sessionLevel.loa());
        authSession.setAuthNote(AuthenticationManager.SSO_AUTH, "true");
        context.setUser(existing.user());
        context.attachUserSession(existing.session());
        context.success();
        return true;
    }

    private static void redirectToIdp(AuthenticationFlowContext context, String alias, RequestedLevel requested) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        IdpLevelPolicy policy = LevelSettings.policyOf(idp);
        String upstreamValue = policy.upstreamValueFor(policy.levelToAsk(requested.level()));
        if ("saml".equals(idp.getProviderId())) {
            authSession.setAuthNote(PasserelleKeys.SAML_REQUESTED_CLASS_REF_NOTE, upstreamValue);
            authSession.removeClientNote(PasserelleKeys.FORWARDED_ACR_VALUES_NOTE);
        } else {
            authSession.setClientNote(PasserelleKeys.FORWARDED_ACR_VALUES_NOTE, upstreamValue);
            authSession.removeAuthNote(PasserelleKeys.SAML_REQUESTED_CLASS_REF_NOTE);
        }
        String accessCode = new ClientSessionCode<>(session, realm, authSession).getOrGenerateCode();
        URI location = Urls.identityProviderAuthnRequest(context.getUriInfo().getBaseUri(), alias, realm.getName(),
                accessCode, authSession.getClient().getClientId(), authSession.getTabId(),
                AuthenticationProcessor.getClientData(session, authSession),
                authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM));
        context.forceChallenge(Response.seeOther(location).build());
    }

    private static void showChoice(AuthenticationFlowContext context, RequestedLevel requested, SpIdpRules rules,
                                   String errorKey, Object... errorParameters) {
        KeycloakSession session = context.getSession();
        List<IdpOption> options = IdpChoice.options(LevelSettings.entries(session, false), rules, requested.level());
        List<Map<String, Object>> views = options.stream().map(option -> view(session, option)).toList();
        LoginFormsProvider form = context.form()
                .setAttribute("passerelleIdps", views)
                .setAttribute("passerelleRequestedLevel", requested.level().acr());
        if (errorKey != null) {
            form.setError(errorKey, errorParameters);
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    private static Map<String, Object> view(KeycloakSession session, IdpOption option) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(option.entry().alias());
        Map<String, String> config = idp.getConfig();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("alias", option.entry().alias());
        view.put("displayName", option.entry().displayName());
        view.put("selectable", option.selectable());
        view.put("state", option.state().name());
        view.put("reasonKey", "passerelleIdpState_" + option.state().name());
        view.put("maintenanceMessage", option.entry().maintenanceMessage() == null ? "" : option.entry().maintenanceMessage());
        view.put("logo", config.getOrDefault(IdpConfig.LOGO, ""));
        view.put("help", config.getOrDefault(IdpConfig.HELP, ""));
        view.put("euCitizen", Boolean.parseBoolean(config.get(IdpConfig.EU_CITIZEN)));
        view.put("ceiling", option.entry().policy().ceiling().acr());
        return view;
    }

    private static String displayNameOf(KeycloakSession session, String alias) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        return idp == null || idp.getDisplayName() == null || idp.getDisplayName().isBlank() ? alias : idp.getDisplayName();
    }

    // Returned to the SP as an OAuth error, as Keycloak does for its own authorization errors.
    private static Response invalidHintResponse(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        OIDCResponseType responseType = OIDCResponseType.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM));
        OIDCResponseMode responseMode = OIDCResponseMode.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_MODE_PARAM), responseType);
        OIDCRedirectUriBuilder redirect = OIDCRedirectUriBuilder.fromUri(authSession.getRedirectUri(), responseMode, context.getSession(), null)
                .addParam(OAuth2Constants.ERROR, INVALID_IDP_HINT)
                .addParam(OAuth2Constants.ERROR_DESCRIPTION, "The identity provider hint names an identity provider this client may not use");
        String state = authSession.getClientNote(OIDCLoginProtocol.STATE_PARAM);
        if (state != null) {
            redirect.addParam(OAuth2Constants.STATE, state);
        }
        redirect.addParam(OAuth2Constants.ISSUER, Urls.realmIssuer(context.getUriInfo().getBaseUri(), context.getRealm().getName()));
        return redirect.build();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
