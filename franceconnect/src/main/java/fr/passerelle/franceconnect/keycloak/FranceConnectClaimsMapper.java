package fr.passerelle.franceconnect.keycloak;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

import fr.passerelle.franceconnect.FranceConnectClaims;
import fr.passerelle.names.SessionNotes;
import fr.passerelle.support.keycloak.TokenMapper;

/**
 * For clients with the FranceConnect profile only, and after every other mapper: moves the identity out of the ID
 * token (it stays in userinfo), hands {@code amr} out only when the {@code claims} parameter asks for it, and keeps
 * {@code preferred_username} for the scopes that name it. Sits in the realm's {@code basic} scope, so any client
 * that selects the profile gets it without a mapper of its own; other clients are left untouched.
 */
public class FranceConnectClaimsMapper extends TokenMapper implements OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "passerelle-franceconnect-claims";

    public FranceConnectClaimsMapper() {
        super(PROVIDER_ID, "Passerelle FranceConnect claims",
                "For clients whose passerelle.profile is franceconnect: identity claims in userinfo only, a minimal ID token,"
                + " amr only when the claims parameter asks for it, preferred_username only with the profile or"
                + " preferred_username scope.");
    }

    /** After the attribute and session-note mappers that put the claims it moves. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (FranceConnectClients.isFranceConnect(clientSessionCtx.getClientSession().getClient())) {
            clearStandardIdentityFields(token);
            FranceConnectClaims.shapeIdToken(token.getOtherClaims(), claimsParameter(clientSessionCtx), amr(userSession));
        }
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (FranceConnectClients.isFranceConnect(clientSessionCtx.getClientSession().getClient())) {
            Set<String> scopes = scopes(clientSessionCtx);
            if (!FranceConnectClaims.grantsPreferredUsername(scopes)) {
                token.setPreferredUsername(null);
            }
            FranceConnectClaims.shapeUserinfo(token.getOtherClaims(), scopes, claimsParameter(clientSessionCtx), amr(userSession));
        }
        return token;
    }

    private static void clearStandardIdentityFields(IDToken token) {
        token.setGivenName(null);
        token.setFamilyName(null);
        token.setMiddleName(null);
        token.setName(null);
        token.setPreferredUsername(null);
        token.setBirthdate(null);
        token.setGender(null);
        token.setEmail(null);
        token.setEmailVerified(null);
    }

    private static Set<String> scopes(ClientSessionContext clientSessionCtx) {
        return new HashSet<>(Arrays.asList(clientSessionCtx.getScopeString().split(" ")));
    }

    private static String claimsParameter(ClientSessionContext clientSessionCtx) {
        return clientSessionCtx.getClientSession().getNote(OIDCLoginProtocol.CLAIMS_PARAM);
    }

    private static Optional<List<String>> amr(UserSessionModel userSession) {
        return FranceConnectClaims.parseAmr(userSession.getNote(SessionNotes.AMR));
    }
}
