package fr.passerelle.dashboard.keycloak;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.locale.LocaleUpdaterProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserConsentManager;

import fr.passerelle.dashboard.Dashboard;
import fr.passerelle.dashboard.IdpBlocking;
import fr.passerelle.names.UserAttributes;

/**
 * The person's dashboard, rendered by the login theme (template {@value #TEMPLATE}, so with Keycloak's security
 * headers). The person signs in like at any SP: the page sends them to the realm's authorization endpoint as
 * client {@value #CLIENT_ID}, and reads the person from the broker session (identity cookie) when they come
 * back. Changes (block, unblock, withdraw a consent, notice preference) are POSTs carrying a per-session token.
 */
public class DashboardResource {

    public static final String CLIENT_ID = "passerelle-dashboard";
    static final String TEMPLATE = "passerelle-dashboard.ftl";
    private static final String CSRF_NOTE = "passerelle.dashboard.csrf";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final KeycloakSession session;
    private final RealmModel realm;

    DashboardResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang, @QueryParam("code") String code, @QueryParam("error") String error,
                         @QueryParam("status") String status, @QueryParam("idp") String statusIdp,
                         @QueryParam("cpage") Integer connectionPage, @QueryParam("xpage") Integer exchangePage) {
        String language = language(lang);
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (language != null) {
            // A language picked on the page is remembered as Keycloak remembers one picked on its login pages (locale
            // cookie, the person's locale attribute), then the page is shown from the clean address in that language.
            LocaleUpdaterProvider locales = session.getProvider(LocaleUpdaterProvider.class);
            locales.updateLocaleCookie(language);
            if (auth != null && !language.equals(auth.user().getFirstAttribute(UserModel.LOCALE))) {
                locales.updateUsersLocale(auth.user(), language);
            }
            return Response.seeOther(session.getContext().getUri().getRequestUriBuilder().replaceQueryParam("lang").build()).build();
        }
        String langTag = session.getContext().resolveLocale(auth == null ? null : auth.user()).getLanguage();
        if (auth == null) {
            if (error != null) {
                Map<String, Object> view = view(langTag, "login-failed");
                view.put("error", error);
                view.put("signIn", signInUri(langTag).toString());
                return render(view, null);
            }
            return Response.seeOther(signInUri(langTag)).build();
        }
        if (code != null || error != null) {
            // back from the authorization endpoint: the session cookie is what counts, show a clean address
            return Response.seeOther(selfUri(langTag)).build();
        }
        UserSessionModel userSession = auth.session();
        UserModel user = auth.user();
        String identityKey = user.getFirstAttribute(UserAttributes.IDENTITY_KEY);
        if (identityKey == null) {
            Map<String, Object> view = view(langTag, "no-identity");
            view.put("logout", logoutUri(langTag).toString());
            return render(view, user);
        }
        Locale locale = Locale.forLanguageTag(langTag);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(PARIS);
        DashboardQueries store = new DashboardQueries(session);
        Instant since = Dashboard.since(Instant.now());

        Map<String, Object> view = view(langTag, "dashboard");
        view.put("logout", logoutUri(langTag).toString());
        view.put("csrf", csrf(userSession));
        if (status != null) {
            view.put("statusKey", switch (status) {
                case "blocked", "unblocked", "current-idp", "consent-withdrawn", "notice-saved" -> "passerelle.dashboard.status-" + status;
                default -> "passerelle.dashboard.status-unknown-idp";
            });
            view.put("statusParam", status.startsWith("consent") ? clientName(statusIdp) : IdpBlockAuthenticator.displayName(session, statusIdp));
        }

        Dashboard.Page<Dashboard.ConnectionGroup> connections = Dashboard.Page.of(store.connectionGroups(realm, identityKey, since),
                connectionPage == null ? 1 : connectionPage, Dashboard.PAGE_SIZE);
        view.put("connections", page(connections, c -> Map.of(
                "sp", nz(c.sp()), "spName", nz(clientName(c.sp())),
                "idp", nz(c.idp()), "idpName", c.idp() == null ? "—" : IdpBlockAuthenticator.displayName(session, c.idp()),
                "count", c.count(), "first", dates.format(c.first()), "last", dates.format(c.last()))));
        Dashboard.Page<Dashboard.ExchangeGroup> exchanges = Dashboard.Page.of(store.exchangeGroups(realm, identityKey, since),
                exchangePage == null ? 1 : exchangePage, Dashboard.PAGE_SIZE);
        view.put("exchanges", page(exchanges, x -> Map.of(
                "dp", nz(x.dp()), "dpName", nz(clientName(x.dp())), "spName", nz(clientName(x.sp())),
                "data", String.join(", ", x.data()),
                "count", x.count(), "first", dates.format(x.first()), "last", dates.format(x.last()))));
        view.put("connectionPage", connections.number());
        view.put("exchangePage", exchanges.number());

        view.put("consents", UserConsentManager.getConsentsStream(session, realm, user)
                .filter(consent -> !CLIENT_ID.equals(consent.getClient().getClientId()))
                .map(consent -> Map.of(
                        "clientId", consent.getClient().getClientId(),
                        "clientName", nz(clientName(consent.getClient().getClientId())),
                        "scopes", consent.getGrantedClientScopes().stream().map(ClientScopeModel::getName).sorted().collect(Collectors.joining(", ")),
                        "since", consent.getCreatedDate() == null ? "—" : dates.format(Instant.ofEpochMilli(consent.getCreatedDate())))).toList());

        Set<String> blocked = new IdpBlockStore(session).blockedIdps(realm, identityKey);
        String currentIdp = userSession.getNote(Details.IDENTITY_PROVIDER);
        view.put("idps", idps().stream().map(idp -> Map.of(
                "alias", idp.getAlias(),
                "name", IdpBlockAuthenticator.displayName(session, idp.getAlias()),
                "blocked", blocked.contains(idp.getAlias()),
                "current", idp.getAlias().equals(currentIdp))).toList());
        view.put("noticeAlways", "always".equals(user.getFirstAttribute(UserAttributes.NOTICE_PREFERENCE)));
        return render(view, user);
    }

    @POST
    @Path("block")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(@FormParam("idp") String idp, @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        return change(idp, csrf, lang, true);
    }

    @POST
    @Path("unblock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unblock(@FormParam("idp") String idp, @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        return change(idp, csrf, lang, false);
    }

    /** Withdraws a remembered consent: the service asks again at the next connection. */
    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@FormParam("client") String clientId, @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        AuthenticationManager.AuthResult auth = authorized(csrf);
        if (auth == null) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client != null) {
            UserConsentManager.revokeConsentToClient(session, client, auth.user());
        }
        return Response.seeOther(UriBuilder.fromUri(selfUri(language(lang))).queryParam("status", "consent-withdrawn")
                .queryParam("idp", client == null ? "" : clientId).build()).build();
    }

    /** The person's notice preference: {@code always}, or the realm's rule. */
    @POST
    @Path("notice")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notice(@FormParam("always") String always, @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        AuthenticationManager.AuthResult auth = authorized(csrf);
        if (auth == null) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        if ("on".equals(always) || "true".equals(always)) {
            auth.user().setSingleAttribute(UserAttributes.NOTICE_PREFERENCE, "always");
        } else {
            auth.user().removeAttribute(UserAttributes.NOTICE_PREFERENCE);
        }
        return Response.seeOther(UriBuilder.fromUri(selfUri(language(lang))).queryParam("status", "notice-saved").build()).build();
    }

    private Response change(String idp, String csrf, String lang, boolean block) {
        AuthenticationManager.AuthResult auth = authorized(csrf);
        if (auth == null) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        String language = language(lang);
        String identityKey = auth.user().getFirstAttribute(UserAttributes.IDENTITY_KEY);
        if (identityKey == null) {
            return Response.seeOther(selfUri(language)).build();
        }
        Set<String> aliases = idps().stream().map(IdentityProviderModel::getAlias).collect(Collectors.toSet());
        IdpBlocking.Decision decision = IdpBlocking.decide(idp, auth.session().getNote(Details.IDENTITY_PROVIDER), aliases);
        IdpBlockStore store = new IdpBlockStore(session);
        String status;
        if (decision == IdpBlocking.Decision.UNKNOWN_IDP) {
            status = "unknown-idp";
        } else if (!block) {
            store.unblock(realm, identityKey, idp);
            status = "unblocked";
        } else if (decision == IdpBlocking.Decision.CURRENT_SESSION_IDP) {
            status = "current-idp";
        } else {
            store.block(realm, identityKey, idp);
            BlockedIdpSessions.end(session, realm, auth.user(), idp);
            status = "blocked";
        }
        URI back = UriBuilder.fromUri(selfUri(language)).queryParam("status", status)
                .queryParam("idp", decision == IdpBlocking.Decision.UNKNOWN_IDP ? "" : idp).build();
        return Response.seeOther(back).build();
    }

    /** The signed-in person, if the request carries their session's token; null otherwise. */
    private AuthenticationManager.AuthResult authorized(String csrf) {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null) {
            return null;
        }
        String expected = auth.session().getNote(CSRF_NOTE);
        if (expected == null || csrf == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return auth;
    }

    private Map<String, Object> view(String lang, String step) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("step", step);
        view.put("lang", lang);
        view.put("otherLang", "fr".equals(lang) ? "en" : "fr");
        view.put("self", selfUri(lang).toString());
        view.put("base", UriBuilder.fromUri(realmUri()).path(DashboardResourceProviderFactory.PROVIDER_ID).path("/").build().toString());
        return view;
    }

    private Response render(Map<String, Object> view, UserModel user) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class).setAttribute("passerelleDashboard", view);
        if (user != null) {
            form.setUser(user);
        }
        Response response = form.createForm(TEMPLATE);
        return Response.fromResponse(response).header("Cache-Control", "no-store").build();
    }

    private static <T> Map<String, Object> page(Dashboard.Page<T> page, Function<T, Map<String, Object>> row) {
        return Map.of("rows", page.rows().stream().map(row).toList(), "number", page.number(), "pages", page.pages(), "total", page.total());
    }

    private String language(String lang) {
        if (lang == null) {
            return null;
        }
        return realm.getSupportedLocalesStream().anyMatch(lang::equals) ? lang : null;
    }

    private List<IdentityProviderModel> idps() {
        return session.identityProviders().getAllStream(IdentityProviderQuery.userAuthentication(), null, null)
                .filter(IdentityProviderModel::isEnabled).toList();
    }

    private String clientName(String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null || client.getName() == null || client.getName().isBlank() || client.getName().startsWith("${")) {
            return clientId;
        }
        return client.getName();
    }

    private static String nz(String value) {
        return value == null ? "—" : value;
    }

    private String csrf(UserSessionModel userSession) {
        String token = userSession.getNote(CSRF_NOTE);
        if (token == null) {
            token = SecretGenerator.getInstance().randomString(32);
            userSession.setNote(CSRF_NOTE, token);
        }
        return token;
    }

    private URI selfUri(String lang) {
        UriBuilder self = UriBuilder.fromUri(realmUri()).path(DashboardResourceProviderFactory.PROVIDER_ID).path("/");
        return lang == null ? self.build() : self.queryParam("lang", lang).build();
    }

    private URI realmUri() {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName()).build();
    }

    private URI redirectUri() {
        return UriBuilder.fromUri(realmUri()).path(DashboardResourceProviderFactory.PROVIDER_ID).path("/").build();
    }

    private URI signInUri(String lang) {
        return UriBuilder.fromUri(realmUri()).path("protocol/openid-connect/auth")
                .queryParam("client_id", CLIENT_ID)
                .queryParam("redirect_uri", redirectUri())
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("state", SecretGenerator.getInstance().randomString(22))
                .queryParam("nonce", SecretGenerator.getInstance().randomString(22))
                // the page reads the broker session, not the code; PKCE is still required of this public client
                .queryParam("code_challenge", challenge(SecretGenerator.getInstance().randomString(43)))
                .queryParam("code_challenge_method", "S256")
                .queryParam("ui_locales", lang)
                .build();
    }

    private URI logoutUri(String lang) {
        return UriBuilder.fromUri(realmUri()).path("protocol/openid-connect/logout")
                .queryParam("client_id", CLIENT_ID)
                .queryParam("post_logout_redirect_uri", redirectUri())
                .queryParam("ui_locales", lang)
                .build();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
