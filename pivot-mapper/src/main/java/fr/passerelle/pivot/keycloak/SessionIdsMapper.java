package fr.passerelle.pivot.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;

import fr.passerelle.support.keycloak.TokenMapper;

/**
 * Keeps Keycloak's user session id, which is the same for every service of one single sign-on session whatever its
 * sector, out of what a service reads about a person: the ID token's {@code sid}, the token response's
 * {@code session_state} and the introspection answer's {@code sid}. (The authorization response's
 * {@code session_state} is left out by the client setting {@code exclude.session.state.from.auth.response}.)
 *
 * <p>A service that registered one of Keycloak's own logout channels (a back-channel logout URL, or front-channel
 * logout with a URL) keeps {@code sid} in its ID token: Keycloak's logout requests carry the real session id, and
 * without it in the ID token the service could not tell which session ends. RP-initiated logout does not need it:
 * Keycloak ends the session of the browser's cookie when the {@code id_token_hint} names no session.
 *
 * <p>Access and refresh tokens keep {@code sid}: Keycloak reads it back from them (refresh, userinfo, bearer checks).
 */
public class SessionIdsMapper extends TokenMapper
        implements OIDCIDTokenMapper, OIDCAccessTokenResponseMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "passerelle-session-ids";

    public SessionIdsMapper() {
        super(PROVIDER_ID, "Passerelle: no shared session id",
                "Leaves Keycloak's user session id (the same for every client of one single sign-on session) out of the ID token"
                + " (sid, unless the client registered a back- or front-channel logout URL), the token response (session_state)"
                + " and introspection (sid).");
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (!usesKeycloakLogoutChannel(clientSessionCtx.getClientSession().getClient())) {
            token.setSessionId(null);
        }
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

    static boolean usesKeycloakLogoutChannel(ClientModel client) {
        String backChannel = client.getAttribute(OIDCConfigAttributes.BACKCHANNEL_LOGOUT_URL);
        String frontChannel = client.getAttribute(OIDCConfigAttributes.FRONT_CHANNEL_LOGOUT_URI);
        return backChannel != null && !backChannel.isBlank()
                || client.isFrontchannelLogout() && frontChannel != null && !frontChannel.isBlank();
    }
}
