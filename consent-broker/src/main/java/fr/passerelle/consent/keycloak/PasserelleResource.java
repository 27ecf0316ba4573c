package fr.passerelle.consent.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

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
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.util.JsonSerialization;
import org.keycloak.TokenCategory;
import org.keycloak.common.util.SecretGenerator;

import fr.passerelle.consent.AnswerSignature;
import fr.passerelle.consent.CheckTokenAnswer;
import fr.passerelle.consent.DataScopes;
import fr.passerelle.consent.FranceConnectCheckTokenAnswer;
import fr.passerelle.consent.LogThrottle;
import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.EventDetails;
import fr.passerelle.names.TraceEvent;
import fr.passerelle.pivot.keycloak.Subjects;

/** {@code /realms/{realm}/passerelle}: the broker's endpoints for data providers. */
public class PasserelleResource {

    static final String JWT_MEDIA_TYPE = "application/token-introspection+jwt";
    private static final Logger LOG = Logger.getLogger("fr.passerelle.consent");
    /** Trace reason of a live token that grants the calling DP none of its data scopes. */
    static final String NOT_GRANTED = "not_granted_to_data_provider";

    private static final LogThrottle SHORT_SECRET_WARNINGS = new LogThrottle(java.time.Duration.ofMinutes(1));

    private final KeycloakSession session;

    PasserelleResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * A DP asks whether an SP's access token is good and for whom. The DP authenticates first (any of the
     * realm's client authenticators); only then is the token looked at, so nothing leaks to strangers. A caller
     * that does not authenticate costs one counter increment and, at most once a minute, one log line: no trace
     * row, no event, whatever the rate.
     */
    @POST
    @Path("checktoken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkToken(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel dataProvider;
        try {
            dataProvider = AuthorizeClientUtil.authorizeClient(session, new UnrecordedEvent(realm, session), null).getClient();
        } catch (WebApplicationException e) {
            UnauthenticatedCalls.refused();
            return error(Response.Status.UNAUTHORIZED, "invalid_client", "The data provider's credentials are missing or wrong");
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.INTROSPECT_TOKEN);
        event.client(dataProvider).detail(EventDetails.DP, dataProvider.getClientId());
        if (!RealmDataScopes.isDataProvider(dataProvider)) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_CLIENT.code()).error(Errors.UNAUTHORIZED_CLIENT);
            return error(Response.Status.FORBIDDEN, "unauthorized_client", "Only data providers may call checktoken");
        }
        List<String> tokens = session.getContext().getHttpRequest().getDecodedFormParameters().get("token");
        if (tokens == null || tokens.size() != 1 || tokens.get(0) == null || tokens.get(0).isBlank()) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_REQUEST.code()).error(Errors.INVALID_REQUEST);
            return error(Response.Status.BAD_REQUEST, "invalid_request", "The form field token is required, once");
        }
        AuthResult result = verify(realm, tokens.get(0));
        Map<String, Object> answer;
        if (result == null) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_TOKEN.code()).error(Errors.INVALID_TOKEN);
            answer = CheckTokenAnswer.INACTIVE;
        } else {
            answer = answer(realm, dataProvider, result, event);
        }
        return respond(realm, dataProvider, franceConnect(dataProvider) ? null : accept, answer);
    }

    /** The token's user and session when it is a live, unrevoked access token of this realm, else null. */
    private AuthResult verify(RealmModel realm, String token) {
        try {
            AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).setTokenString(token).authenticate();
            if (result != null && result.token().getId() != null
                    && session.singleUseObjects().contains(result.token().getId() + SingleUseObjectProvider.REVOKED_KEY)) {
                return null;
            }
            return result;
        } catch (RuntimeException e) {
            LOG.debugf("checktoken: unreadable token (%s)", e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * The answer for a live token: active only when it grants this DP at least one of its data scopes, and then
     * only those scopes and the pivot identity; inactive otherwise, so that a DP never learns who someone is
     * without that person's consent to its data.
     */
    private Map<String, Object> answer(RealmModel realm, ClientModel dataProvider, AuthResult result, EventBuilder event) {
        AccessToken token = result.token();
        UserModel user = result.user();
        event.user(user).session(result.session()).detail(Details.TOKEN_ID, token.getId())
                .detail(EventDetails.SP, token.getIssuedFor())
                .detail(EventDetails.LEVEL, token.getAcr());
        Optional<List<String>> scopes = CheckTokenAnswer.disclosedScopes(RealmDataScopes.of(realm), dataProvider.getClientId(),
                DataScopes.parse(token.getScope()));
        if (scopes.isEmpty()) {
            event.detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_INVALID_TOKEN.code()).detail(EventDetails.REASON, NOT_GRANTED)
                    .error(Errors.INVALID_TOKEN);
            return CheckTokenAnswer.INACTIVE;
        }
        ClientModel sp = realm.getClientByClientId(token.getIssuedFor());
        CheckTokenAnswer answer = new CheckTokenAnswer(token.getIssuedFor(), sp == null || sp.getName() == null ? token.getIssuedFor() : sp.getName(),
                Subjects.pairwise(session, dataProvider, user), token.getAcr(), token.getIat(), token.getExp(), token.getId(), scopes.get(),
                identity(user));
        event.detail(EventDetails.SCOPES, String.join(" ", scopes.get())).detail(EventDetails.EVENT, TraceEvent.CHECKTOKEN_OK.code()).success();
        return franceConnect(dataProvider) ? FranceConnectCheckTokenAnswer.toJson(answer) : answer.toJson();
    }

    private static Map<String, Object> identity(UserModel user) {
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String claim : CheckTokenAnswer.IDENTITY_CLAIMS) {
            user.getAttributeStream(claim).findFirst().ifPresent(value -> identity.put(claim, value));
        }
        return identity;
    }

    private Response respond(RealmModel realm, ClientModel dataProvider, String accept, Map<String, Object> answer) {
        try {
            if (wantsJson(accept)) {
                return noStore(Response.ok(JsonSerialization.writeValueAsString(answer), MediaType.APPLICATION_JSON_TYPE));
            }
            String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
            Map<String, Object> payload = CheckTokenAnswer.jwtPayload(issuer, dataProvider.getClientId(), System.currentTimeMillis() / 1000,
                    SecretGenerator.getInstance().generateSecureID(), answer);
            String jwt = sign(dataProvider, new JWSBuilder().type("token-introspection+jwt").jsonContent(payload));
            String encryption = dataProvider.getAttribute(ClientAttributes.CHECKTOKEN_ENCRYPTION_ALG);
            if (encryption == null || encryption.isBlank()) {
                return noStore(Response.ok(jwt, JWT_MEDIA_TYPE));
            }
            String encrypted = encrypt(dataProvider, jwt, encryption.trim());
            if (encrypted == null) {
                LOG.warnf("checktoken: data provider %s asks for %s encryption but has no such encryption key registered",
                        dataProvider.getClientId(), encryption);
                return error(Response.Status.INTERNAL_SERVER_ERROR, "server_error",
                        "No encryption key registered for this data provider (see its keys and " + ClientAttributes.CHECKTOKEN_ENCRYPTION_ALG + ")");
            }
            return noStore(Response.ok(encrypted, JWT_MEDIA_TYPE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HS256 keyed by the DP's client secret when it authenticates with that secret (and the secret has 256 bits);
     * the realm's key otherwise. A secret-authenticated DP whose secret is too short still gets a signed answer, by
     * the realm's key, and the operator a warning to give it a longer secret.
     */
    private String sign(ClientModel dataProvider, JWSBuilder.EncodingBuilder answer) {
        String authenticator = dataProvider.getClientAuthenticatorType();
        String secret = dataProvider.getSecret();
        if (AnswerSignature.forDataProvider(authenticator, secret) == AnswerSignature.HS256) {
            return answer.hmac256(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        if (!dataProvider.isPublicClient() && "client-secret".equals(authenticator) 
                && SHORT_SECRET_WARNINGS.occurred(java.time.Instant.now()).isPresent()) {
            LOG.warnf("checktoken: data provider %s has a client secret shorter than %d bytes: its answers are signed with the realm key; "
                    + "give it a new secret", dataProvider.getClientId(), AnswerSignature.MIN_SECRET_BYTES);
        }
        String algorithm = session.tokens().signatureAlgorithm(TokenCategory.ACCESS);
        return answer.sign(session.getProvider(SignatureProvider.class, algorithm).signer());
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

    /** A DP written for FranceConnect gets FranceConnect's answer shape, always as a JWT, as FranceConnect answers. */
    private static boolean franceConnect(ClientModel dataProvider) {
        String profile = dataProvider.getAttribute(ClientAttributes.PROFILE);
        return profile != null && ClientAttributes.PROFILE_FRANCECONNECT.equals(profile.strip());
    }

    /** JSON only when asked for and the JWT not preferred; the signed JWT is the default. */
    static boolean wantsJson(String accept) {
        return accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(JWT_MEDIA_TYPE);
    }

    private static Response error(Response.Status status, String error, String description) {
        Map<String, String> body = Map.of("error", error, "error_description", description);
        try {
            return noStore(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonSerialization.writeValueAsString(body)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every checktoken answer, errors included, is about one token at one moment: no cache may keep it. */
    private static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    /**
     * The event builder client authentication reports to: it sends nothing, so that an anonymous caller cannot
     * make Keycloak write an event or a log line per call. Authenticated calls get a real builder.
     */
    private static final class UnrecordedEvent extends EventBuilder {
        UnrecordedEvent(RealmModel realm, KeycloakSession session) {
            super(realm, session, session.getContext().getConnection());
            event(EventType.INTROSPECT_TOKEN);
        }

        @Override
        public void success() {
        }

        @Override
        public void error(String error) {
        }
    }
}
