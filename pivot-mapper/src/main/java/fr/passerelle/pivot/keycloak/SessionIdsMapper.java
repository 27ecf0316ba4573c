package fr.passerelle.pivot.keycloak;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.LogoutTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.LogoutToken;

import fr.passerelle.support.keycloak.TokenMapper;

/**
 * Keeps Keycloak's user session id, which is the same for every service of one single sign-on session whatever its
 * sector, away from the services. What a service's access and refresh tokens name as their session ({@code sid}) is
 * the session's alias for the service's sector ({@link SessionAliases}): unrelated between sectors, turned back into
 * the session by the broker wherever Keycloak looks a session up by id (refresh, userinfo, introspection, revocation,
 * {@code checktoken}). Keycloak sets the real id first; this mapper replaces it, and the refresh token Keycloak builds
 * from the access token carries the alias too.
 *
 * <p>Left out altogether where a service needs no session id: the ID token's {@code sid}, the token response's
 * {@code session_state} and the introspection answer's {@code sid}. (The authorization response's
 * {@code session_state} is left out by the client setting {@code exclude.session.state.from.auth.response}.) An ID
 * token without {@code sid} also keeps RP-initiated logout free of Keycloak's confirmation page, which a {@code sid}
 * other than the cookie's session would bring. Keycloak's logout requests go without a session id
 * ({@link LogoutChannelsExecutor}); should a client be set up otherwise, its logout token names the session by the
 * same alias as its access token.
 */
public class SessionIdsMapper extends TokenMapper implements OIDCAccessTokenMapper, OIDCIDTokenMapper,
        OIDCAccessTokenResponseMapper, TokenIntrospectionTokenMapper, LogoutTokenMapper {

    public static final String PROVIDER_ID = "passerelle-session-ids";

    public SessionIdsMapper() {
        super(PROVIDER_ID, "Passerelle: no shared session id",
                "Replaces Keycloak's user session id (the same for every client of one single sign-on session) by the session's"
                + " alias for the client's sector in access, refresh and logout tokens, and leaves it out of the ID token (sid),"
                + " the token response (session_state) and introspection (sid).");
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSessionId(SessionAliases.forClient(session, clientSessionCtx.getClientSession().getClient(), token.getSessionId()));
        return token;
    }

    @Override
    public LogoutToken transformLogoutToken(LogoutToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (token.getSid() != null) {
            token.setSid(SessionAliases.forClient(session, clientSessionCtx.getClientSession().getClient(), token.getSid()));
        }
        return token;
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSessionId(null);
        return token;
    }

    @Override
    public AccessTokenResponse transformAccessTokenResponse(AccessTokenResponse response, ProtocolMapperModel mappingModel,
            KeycloakSession session, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        response.setSessionState(null);
        return response;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSessionId(null);
        return token;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession, KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        // everything happens in the transform methods above
    }
}
