package fr.passerelle.dashboard.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
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
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.theme.Theme;

import fr.passerelle.dashboard.Dashboard;
import fr.passerelle.dashboard.IdpBlocking;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.trace.keycloak.TraceStore;

/**
 * The person's dashboard. The person signs in like at any SP: the page sends them to the realm's
 * authorization endpoint as client {@value #CLIENT_ID}, and reads the person from the broker session
 * (identity cookie) when they come back. Blocking and unblocking are POSTs carrying a per-session token.
 */
public class DashboardResource {

    public static final String CLIENT_ID = "passerelle-dashboard";
    private static final String CSRF_NOTE = "passerelle.dashboard.csrf";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MAX_TRACES = 500;

    private final KeycloakSession session;
    private final RealmModel realm;

    DashboardResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang, @QueryParam("code") String code, @QueryParam("error") String error,
                         @QueryParam("status") String status, @QueryParam("idp") String statusIdp) {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        Messages messages = messages(lang, auth);
        if (auth == null) {
            if (error != null) {
                return html(new DashboardPage(messages, selfUri(messages.lang())).loginFailed(error, signInUri(messages.lang())));
            }
            return Response.seeOther(signInUri(messages.lang())).build();
        }
        if (code != null || error != null) {
            // back from the authorization endpoint: the session cookie is what counts, show a clean address
            return Response.seeOther(selfUri(messages.lang())).build();
        }
        UserSessionModel userSession = auth.session();
        String identityKey = auth.user().getFirstAttribute(UserAttributes.IDENTITY_KEY);
        DashboardPage page = new DashboardPage(messages, selfUri(messages.lang()));
        if (identityKey == null) {
            return html(page.noIdentity(logoutUri(messages.lang())));
        }
        Instant now = Instant.now();
        Dashboard dashboard = Dashboard.of(new TraceStore(session).ofIdentity(realm, identityKey, Dashboard.since(now), MAX_TRACES), now);
        Set<String> blocked = new IdpBlockStore(session).blockedIdps(realm, identityKey);
        String currentIdp = userSession.getNote(Details.IDENTITY_PROVIDER);
        List<DashboardPage.Idp> idps = idps().stream()
                .map(idp -> new DashboardPage.Idp(idp.getAlias(), IdpBlockAuthenticator.displayName(session, idp.getAlias()),
                        blocked.contains(idp.getAlias()), idp.getAlias().equals(currentIdp)))
                .toList();
        String statusText = status == null ? null : switch (status) {
            case "blocked", "unblocked", "current-idp" -> messages.get("passerelle.dashboard.status-" + status,
                    IdpBlockAuthenticator.displayName(session, statusIdp));
            default -> messages.get("passerelle.dashboard.status-unknown-idp");
        };
        return html(page.dashboard(dashboard, idps, this::clientName, IdpBlockAuthenticator::displayName, session,
                csrf(userSession), statusText, logoutUri(messages.lang())));
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

    private Response change(String idp, String csrf, String lang, boolean block) {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        Messages messages = messages(lang, auth);
        if (auth == null) {
            return Response.seeOther(signInUri(messages.lang())).build();
        }
        String expected = auth.session().getNote(CSRF_NOTE);
        if (expected == null || csrf == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        String identityKey = auth.user().getFirstAttribute(UserAttributes.IDENTITY_KEY);
        if (identityKey == null) {
            return Response.seeOther(selfUri(messages.lang())).build();
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
            status = "blocked";
        }
        URI back = UriBuilder.fromUri(selfUri(messages.lang())).queryParam("status", status)
                .queryParam("idp", decision == IdpBlocking.Decision.UNKNOWN_IDP ? "" : idp).build();
        return Response.seeOther(back).build();
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

    private String csrf(UserSessionModel userSession) {
        String token = userSession.getNote(CSRF_NOTE);
        if (token == null) {
            token = SecretGenerator.getInstance().randomString(32);
            userSession.setNote(CSRF_NOTE, token);
        }
        return token;
    }

    private URI selfUri(String lang) {
        return UriBuilder.fromUri(realmUri()).path(DashboardResourceProviderFactory.PROVIDER_ID).path("/").queryParam("lang", lang).build();
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

    private Messages messages(String lang, AuthenticationManager.AuthResult auth) {
        Set<String> supported = realm.getSupportedLocalesStream().collect(Collectors.toSet());
        Locale locale = lang != null && supported.contains(lang) ? Locale.forLanguageTag(lang)
                : session.getContext().resolveLocale(auth == null ? null : auth.user());
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            return new Messages(locale, theme.getEnhancedMessages(realm, locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The theme's messages in one locale. */
    record Messages(Locale locale, Properties bundle) {
        String lang() {
            return locale.getLanguage();
        }

        String get(String key, Object... args) {
            String pattern = bundle.getProperty(key, key);
            return new MessageFormat(pattern, locale).format(args);
        }

        DateTimeFormatter dates() {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(PARIS);
        }
    }
}
