package fr.passerelle.loa.keycloak;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.names.EventDetails;

/**
 * The way back to the service from any broker page where a person can be stuck (the IdP choice, a refusal, an
 * error page), {@code /realms/{realm}/passerelle-back-to-service?client_id&tab_id}: the login in progress in this
 * browser for that client ends as Keycloak ends a login the person cancels, and the service receives
 * {@code access_denied} with its {@code state} at the redirect URI its request carried (checked against the
 * client's registered ones when the login began). The theme builds the link from the page's own login parameters.
 * Without a login of that client in this browser (another browser, a login already over, a made-up link) nothing
 * is redirected: a page says the login is over. Each use is a {@code LOGIN_ERROR} event {@code rejected_by_user}, as for
 * a login the person cancels, with the reason {@code back-to-service}.
 */
public class BackToService {

    public static final String PROVIDER_ID = "passerelle-back-to-service";
    /** The reason on the login's error event (traced as a declined login with this reason). */
    static final String REASON = "back-to-service";
    static final String GONE_MESSAGE = "passerelleBackToServiceGone";

    private final KeycloakSession session;

    BackToService(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response back(@QueryParam("client_id") String clientId, @QueryParam("tab_id") String tabId) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        AuthenticationSessionModel authSession = client == null || tabId == null ? null
                : new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.LOGIN);
        if (authSession == null) {
            event.detail(EventDetails.REASON, REASON).error(Errors.SESSION_EXPIRED);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, GONE_MESSAGE);
        }
        session.getContext().setClient(client);
        session.getContext().setAuthenticationSession(authSession);
        event.client(client).detail(Details.REDIRECT_URI, authSession.getRedirectUri()).detail(EventDetails.REASON, REASON)
                .error(Errors.REJECTED_BY_USER);
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(realm)
                .setHttpHeaders(session.getContext().getRequestHeaders())
                .setUriInfo(session.getContext().getUri())
                .setEventBuilder(event);
        return protocol.sendError(authSession, LoginProtocol.Error.CANCELLED_BY_USER, null);
    }
}
