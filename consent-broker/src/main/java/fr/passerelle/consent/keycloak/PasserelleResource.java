package fr.passerelle.consent.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.crypto.CekManagementProvider;
import org.keycloak.crypto.ContentEncryptionProvider;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.jose.jwe.JWEConstants;
import org.keycloak.jose.jwe.JWEException;
import org.keycloak.jose.jwe.alg.JWEAlgorithmProvider;
import org.keycloak.jose.jwe.enc.JWEEncryptionProvider;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.keys.loader.PublicKeyStorageManager;
import org.keycloak.util.TokenUtil;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.util.JsonSerialization;
import org.keycloak.TokenCategory;

import fr.passerelle.consent.CheckTokenAnswer;
import fr.passerelle.consent.DataScopes;
import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.EventDetails;
import fr.passerelle.names.TraceEvent;
import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentity;
import fr.passerelle.pivot.keycloak.Subjects;

/** {@code /realms/{realm}/passerelle}: the broker's endpoints for data providers. */
public class PasserelleResource {

    static final String JWT_MEDIA_TYPE = "application/token-introspection+jwt";
    private static final Logger LOG = Logger.getLogger("fr.passerelle.consent");
    private static final List<String> IDENTITY_CLAIMS = List.of(
            PivotField.GIVEN_NAME.claim(), PivotIdentity.GIVEN_NAME_ARRAY_CLAIM, PivotField.FAMILY_NAME.claim(),
            PivotField.PREFERRED_USERNAME.claim(), PivotField.BIRTHDATE.claim(), PivotField.GENDER.claim(),
            PivotField.BIRTHPLACE.claim(), PivotField.BIRTHCOUNTRY.claim(), PivotField.PERSON_IDENTIFIER.claim());

    private final KeycloakSession session;

    PasserelleResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * A DP asks whether an SP's access token is good and for whom. The DP authenticates first (any of the
     * realm's client authenticators); only then is the token looked at, so nothing leaks to strangers.
     */
    @POST
    @Path("checktoken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkToken(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.INTROSPECT_TOKEN);
        ClientModel dataProvider;
        try {
            dataProvider = AuthorizeClientUtil.authorizeClient(session, event, null).getClient();
        } catch (WebApplicationException e) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_CLIENT.code()).error(Errors.INVALID_CLIENT_CREDENTIALS);
            return error(Response.Status.UNAUTHORIZED, "invalid_client", "The data provider's credentials are missing or wrong");
        }
        event.client(dataProvider).detail(EventDetails.DP, dataProvider.getClientId());
        if (!RealmDataScopes.isDataProvider(dataProvider)) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_CLIENT.code()).error(Errors.UNAUTHORIZED_CLIENT);
            return error(Response.Status.FORBIDDEN, "unauthorized_client", "Only data providers may call checktoken");
        }
        String token = session.getContext().getHttpRequest().getDecodedFormParameters().getFirst("token");
        if (token == null || token.isBlank()) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_REQUEST.code()).error(Errors.INVALID_REQUEST);
            return error(Response.Status.BAD_REQUEST, "invalid_request", "The form field token is required");
        }
        AuthResult result = verify(realm, token);
        Map<String, Object> answer;
        if (result == null) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_TOKEN.code()).error(Errors.INVALID_TOKEN);
            answer = CheckTokenAnswer.INACTIVE;
        } else {
            answer = answer(realm, dataProvider, result, event);
        }
        return respond(realm, dataProvider, accept, answer);
    }

    /** The token's user and session when it is a live access token of this realm, else null. */
    private AuthResult verify(RealmModel realm, String token) {
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).setTokenString(token).authenticate();
        } catch (RuntimeException e) {
            LOG.debugf("checktoken: unreadable token (%s)", e.getClass().getSimpleName());
            return null;
        }
    }

    private Map<String, Object> answer(RealmModel realm, ClientModel dataProvider, AuthResult result, EventBuilder event) {
        AccessToken token = result.token();
        UserModel user = result.user();
        ClientModel sp = realm.getClientByClientId(token.getIssuedFor());
        DataScopes dataScopes = RealmDataScopes.of(realm);
        List<String> scopes = dataScopes.servedBy(dataProvider.getClientId(), DataScopes.parse(token.getScope()));
        CheckTokenAnswer answer = new CheckTokenAnswer(token.getIssuedFor(), sp == null || sp.getName() == null ? token.getIssuedFor() : sp.getName(),
                Subjects.pairwise(session, dataProvider, user), token.getAcr(), token.getIat(), token.getExp(), token.getId(), scopes,
                identity(user));
        event.user(user).session(result.session()).detail(Details.TOKEN_ID, token.getId())
                .detail(EventDetails.SP, token.getIssuedFor())
                .detail(EventDetails.SCOPES, String.join(" ", scopes))
                .detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_OK.code()).success();
        return answer.toJson();
    }

    private static Map<String, Object> identity(UserModel user) {
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String claim : IDENTITY_CLAIMS) {
            List<String> values = user.getAttributeStream(claim).toList();
            if (values.isEmpty()) {
                continue;
            }
            identity.put(claim, claim.equals(PivotIdentity.GIVEN_NAME_ARRAY_CLAIM) ? new ArrayList<>(values) : values.get(0));
        }
        return identity;
    }

    private Response respond(RealmModel realm, ClientModel dataProvider, String accept, Map<String, Object> answer) {
        try {
            if (wantsJson(accept)) {
                return Response.ok(JsonSerialization.writeValueAsString(answer), MediaType.APPLICATION_JSON_TYPE).build();
            }
            String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
            Map<String, Object> payload = CheckTokenAnswer.jwtPayload(issuer, dataProvider.getClientId(), System.currentTimeMillis() / 1000, answer);
            String algorithm = session.tokens().signatureAlgorithm(TokenCategory.ACCESS);
            String jwt = new JWSBuilder().type("token-introspection+jwt").jsonContent(payload)
                    .sign(session.getProvider(SignatureProvider.class, algorithm).signer());
            String encryption = dataProvider.getAttribute(ClientAttributes.CHECKTOKEN_ENCRYPTION_ALG);
            if (encryption == null || encryption.isBlank()) {
                return Response.ok(jwt, JWT_MEDIA_TYPE).build();
            }
            String encrypted = encrypt(dataProvider, jwt, encryption.trim());
            if (encrypted == null) {
                LOG.warnf("checktoken: data provider %s asks for %s encryption but has no such encryption key registered",
                        dataProvider.getClientId(), encryption);
                return error(Response.Status.INTERNAL_SERVER_ERROR, "server_error",
                        "No encryption key registered for this data provider (see its keys and " + ClientAttributes.CHECKTOKEN_ENCRYPTION_ALG + ")");
            }
            return Response.ok(encrypted, JWT_MEDIA_TYPE).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signed answer nested in a JWE (cty JWT) for the DP's registered encryption key (its JWKS URL or
     * JWKS string, as for ID token encryption), or null when it has no key for that algorithm.
     */
    private String encrypt(ClientModel dataProvider, String signed, String algorithm) {
        String contentEncryption = dataProvider.getAttribute(ClientAttributes.CHECKTOKEN_ENCRYPTION_ENC);
        String enc = contentEncryption == null || contentEncryption.isBlank() ? JWEConstants.A256GCM : contentEncryption.trim();
        KeyWrapper key = PublicKeyStorageManager.getClientPublicKeyWrapper(session, dataProvider, JWK.Use.ENCRYPTION, algorithm);
        if (key == null) {
            return null;
        }
        JWEAlgorithmProvider keyManagement = session.getProvider(CekManagementProvider.class, algorithm).jweAlgorithmProvider();
        JWEEncryptionProvider contentCipher = session.getProvider(ContentEncryptionProvider.class, enc).jweEncryptionProvider();
        try {
            return TokenUtil.jweKeyEncryptionEncode(key.getPublicKey(), signed.getBytes(StandardCharsets.UTF_8), algorithm, enc,
                    key.getKid(), keyManagement, contentCipher);
        } catch (JWEException e) {
            throw new IllegalStateException("Cannot encrypt the checktoken answer for " + dataProvider.getClientId(), e);
        }
    }

    /** JSON only when asked for and the JWT not preferred; the signed JWT is the default. */
    static boolean wantsJson(String accept) {
        return accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(JWT_MEDIA_TYPE);
    }

    private static Response error(Response.Status status, String error, String description) {
        Map<String, String> body = Map.of("error", error, "error_description", description);
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonSerialization.writeValueAsString(body)).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
