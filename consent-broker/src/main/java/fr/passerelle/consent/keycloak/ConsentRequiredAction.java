package fr.passerelle.consent.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.light.LightweightUserAdapter;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.managers.UserConsentManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.consent.ConsentPolicy;
import fr.passerelle.consent.DataScopes;
import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.EventDetails;
import fr.passerelle.names.TraceEvent;

/**
 * The consent page, shown after authentication and before the code goes back to the SP, whatever the path
 * (first login, SSO, linked or transient account): what the SP will receive, grouped by source, with
 * accept and decline. Declining sends {@code access_denied} to the SP and issues no code.
 */
public class ConsentRequiredAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "passerelle-consent";
    static final String TEMPLATE = "passerelle-consent.ftl";
    private static final String DECIDED_NOTE = "passerelle.consent.decided";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ClientModel client = authSession.getClient();
        if (!OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol()) || authSession.getAuthNote(DECIDED_NOTE) != null
                || RealmDataScopes.isDataProvider(client)) {
            return;
        }
        List<ClientScopeModel> scopes = requestedScopes(context);
        boolean requestsData = RealmDataScopes.of(context.getRealm()).anyDataScope(names(scopes));
        ConsentPolicy policy = ConsentPolicy.parse(client.getAttribute(ClientAttributes.CONSENT));
        if (policy.mustAsk(requestsData, policy == ConsentPolicy.REMEMBER && alreadyGranted(context, client, scopes))) {
            authSession.addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail(EventDetails.EVENT, TraceEvent.CONSENT_SHOWN.code()).success();
        Response page = context.form().setAttribute("passerelleConsent", model(context)).createForm(TEMPLATE);
        context.challenge(page);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        List<ClientScopeModel> scopes = requestedScopes(context);
        String scopeNames = String.join(" ", names(scopes));
        if (context.getHttpRequest().getDecodedFormParameters().containsKey("accept")) {
            authSession.setAuthNote(DECIDED_NOTE, "accepted");
            remember(context, authSession.getClient(), scopes);
            context.getEvent().clone().event(EventType.GRANT_CONSENT).detail(Details.SCOPE, scopeNames)
                    .detail(EventDetails.EVENT, TraceEvent.CONSENT_GIVEN.code()).success();
            context.success();
            return;
        }
        context.getEvent().clone().event(EventType.GRANT_CONSENT_ERROR).detail(Details.SCOPE, scopeNames)
                .detail(EventDetails.EVENT, TraceEvent.CONSENT_DECLINED.code()).error(Errors.CONSENT_DENIED);
        KeycloakSession session = context.getSession();
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(context.getRealm()).setHttpHeaders(session.getContext().getRequestHeaders())
                .setUriInfo(context.getUriInfo()).setEventBuilder(context.getEvent());
        context.challenge(protocol.sendError(authSession, LoginProtocol.Error.CONSENT_DENIED, null));
    }

    /** What the template shows: the SP, then identity claims from the IdP, then each DP's data. */
    private static Map<String, Object> model(RequiredActionContext context) {
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        List<ClientScopeModel> scopes = requestedScopes(context);
        DataScopes dataScopes = RealmDataScopes.of(realm);
        List<String> identity = new ArrayList<>();
        Map<String, ClientScopeModel> byName = new LinkedHashMap<>();
        for (ClientScopeModel scope : scopes) {
            byName.put(scope.getName(), scope);
            if (!dataScopes.isDataScope(scope.getName()) && scope.isDisplayOnConsentScreen()) {
                identity.add(consentText(scope));
            }
        }
        List<Map<String, Object>> providers = new ArrayList<>();
        dataScopes.byProvider(byName.keySet()).forEach((providerId, names) -> {
            ClientModel provider = realm.getClientByClientId(providerId);
            providers.add(Map.of("name", provider == null || provider.getName() == null ? providerId : provider.getName(),
                    "scopes", names.stream().map(name -> consentText(byName.get(name))).toList()));
        });
        Map<String, Object> model = new LinkedHashMap<>();
        ClientModel sp = authSession.getClient();
        model.put("sp", sp.getName() == null ? sp.getClientId() : sp.getName());
        model.put("idp", identityProviderName(context));
        model.put("identity", identity);
        model.put("providers", providers);
        return model;
    }

    private static String consentText(ClientScopeModel scope) {
        String text = scope.getConsentScreenText();
        return text == null || text.isBlank() ? scope.getName() : text;
    }

    private static String identityProviderName(RequiredActionContext context) {
        String alias = context.getAuthenticationSession().getUserSessionNotes().get(Details.IDENTITY_PROVIDER);
        if (alias == null) {
            return "";
        }
        IdentityProviderModel idp = context.getSession().identityProviders().getByAlias(alias);
        return idp == null || idp.getDisplayName() == null ? alias : idp.getDisplayName();
    }

    private static List<ClientScopeModel> requestedScopes(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return TokenManager.getRequestedClientScopes(context.getSession(), authSession.getClientNote(OIDCLoginProtocol.SCOPE_PARAM),
                        authSession.getClient(), context.getUser())
                .filter(scope -> !(scope instanceof ClientModel))
                .toList();
    }

    private static List<String> names(List<ClientScopeModel> scopes) {
        return scopes.stream().map(ClientScopeModel::getName).toList();
    }

    private static boolean alreadyGranted(RequiredActionContext context, ClientModel client, List<ClientScopeModel> scopes) {
        UserModel user = context.getUser();
        if (user instanceof LightweightUserAdapter) {
            return false;
        }
        UserConsentModel consent = UserConsentManager.getConsentByClient(context.getSession(), context.getRealm(), user, client.getId());
        if (consent == null) {
            return false;
        }
        Set<String> granted = consent.getGrantedClientScopes().stream().map(ClientScopeModel::getName).collect(Collectors.toSet());
        return granted.containsAll(names(scopes));
    }

    /** Only the REMEMBER policy keeps a decision, and only for stored accounts: a transient one keeps nothing. */
    private static void remember(RequiredActionContext context, ClientModel client, List<ClientScopeModel> scopes) {
        UserModel user = context.getUser();
        if (ConsentPolicy.parse(client.getAttribute(ClientAttributes.CONSENT)) != ConsentPolicy.REMEMBER || user instanceof LightweightUserAdapter) {
            return;
        }
        KeycloakSession session = context.getSession();
        UserConsentModel consent = UserConsentManager.getConsentByClient(session, context.getRealm(), user, client.getId());
        boolean exists = consent != null;
        if (!exists) {
            consent = new UserConsentModel(client);
        }
        for (ClientScopeModel scope : scopes) {
            consent.addGrantedClientScope(scope);
        }
        if (exists) {
            UserConsentManager.updateConsent(session, context.getRealm(), user, consent);
        } else {
            UserConsentManager.addConsent(session, context.getRealm(), user, consent);
        }
    }

    @Override
    public void close() {
    }
}
