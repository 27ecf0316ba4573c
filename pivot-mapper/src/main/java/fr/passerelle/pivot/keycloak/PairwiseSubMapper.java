package fr.passerelle.pivot.keycloak;

import org.keycloak.Config;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.LogoutTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.LogoutToken;

import fr.passerelle.support.keycloak.TokenMapper;

/**
 * Replaces {@code sub} in the ID token, access token, userinfo and introspection with the person's
 * pairwise subject for the client's sector. Runs after Keycloak's own sub mapper.
 */
public class PairwiseSubMapper extends TokenMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, LogoutTokenMapper {

    public static final String PROVIDER_ID = "passerelle-pairwise-sub";

    public PairwiseSubMapper() {
        super(PROVIDER_ID, "Passerelle pairwise sub",
                "sub = HMAC-SHA256(platform secret of the person's version, sector, subject key) and that version (v1, v2, …)."
                + " Sector: the client's passerelle.sector attribute, or its client id.");
    }

    @Override
    public void init(Config.Scope config) {
        PlatformSecret.SUB.configure(config);
    }

    @Override
    public int getPriority() {
        return ProtocolMapperUtils.SUB_MAPPER + 1;
    }

    /*
     * sub is replaced wherever it appears, whatever the mapper's include switches say: a token must never
     * carry Keycloak's internal user id to a client.
     */
    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        setClaim(token, mappingModel, userSession, session, clientSessionCtx);
        return token;
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        setClaim(token, mappingModel, userSession, session, clientSessionCtx);
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        setClaim(token, mappingModel, userSession, session, clientSessionCtx);
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        setClaim(token, mappingModel, userSession, session, clientSessionCtx);
        return token;
    }

    /** A back-channel logout token names the person as the client knows them, never by Keycloak's user id. */
    @Override
    public LogoutToken transformLogoutToken(LogoutToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String sub = Subjects.pairwise(session, clientSessionCtx.getClientSession().getClient(), userSession.getUser());
        if (sub != null) {
            token.setSubject(sub);
        }
        return token;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession, KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        String sub = Subjects.pairwise(session, clientSessionCtx.getClientSession().getClient(), userSession.getUser());
        if (sub != null) {
            token.setSubject(sub);
        }
    }
}
