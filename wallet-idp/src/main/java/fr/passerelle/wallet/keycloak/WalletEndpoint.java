package fr.passerelle.wallet.keycloak;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.loa.keycloak.UpstreamLevelValues;
import fr.passerelle.wallet.Json;
import fr.passerelle.wallet.PendingRequest;
import fr.passerelle.wallet.RequestLookup;
import fr.passerelle.wallet.RequestObject;
import fr.passerelle.wallet.ResponseVerifier;
import fr.passerelle.wallet.VerifiedPid;
import fr.passerelle.wallet.WalletRefusal;
import fr.passerelle.wallet.WalletRefusedException;

/**
 * {@code /realms/{realm}/broker/{alias}/endpoint/...}: what the wallet calls (the request object, the
 * answer) and what the browser that started the login calls (waiting, completion). Every step reads
 * and writes the cluster-wide store only, so the wallet's answer may reach any node. Completion needs
 * both the response code the wallet was given and the authentication session cookie of the browser
 * that started: a response code alone, carried to another browser, completes nothing.
 */
public class WalletEndpoint {

    /** A verified PID with a valid key binding is LoA high. */
    static final String WALLET_LEVEL = "eidas3";
    private static final String OUTCOME = "outcome";
    private static final String VERIFIED = "verified";
    private static final String REFUSED = "refused";
    private static final String CODE = "code";
    private static final String RESPONSE_CODE = "response-code";
    private static final String CLAIMS = "claims";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final WalletIdentityProvider provider;
    private final AuthenticationCallback callback;
    private final WalletSettings settings;

    WalletEndpoint(KeycloakSession session, RealmModel realm, WalletIdentityProvider provider, AuthenticationCallback callback,
            WalletSettings settings) {
        this.session = session;
        this.realm = realm;
        this.provider = provider;
        this.callback = callback;
        this.settings = settings;
    }

    /** The signed request object, fetched by the wallet with {@code request_uri_method=post}. */
    @POST
    @Path("request/{request}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestObject(@PathParam("request") String requestId, @FormParam("wallet_nonce") String walletNonce) {
        Map<String, String> notes = settings == null ? null : new WalletStore(session).peek(requestId);
        if (notes == null) {
            return Response.status(Response.Status.NOT_FOUND).cacheControl(NO_STORE).build();
        }
        String signed = RequestObject.sign(settings.verifier(), PendingRequest.fromNotes(notes), settings.policy().query(), walletNonce,
                Instant.now());
        return Response.ok(signed, "application/oauth-authz-req+jwt").cacheControl(NO_STORE).build();
    }

    /** The wallet's {@code direct_post.jwt} answer. */
    @POST
    @Path("response/{request}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("request") String requestId, @FormParam("response") String response) {
        if (settings == null) {
            return walletError(WalletRefusal.NOT_CONFIGURED, null);
        }
        WalletStore store = new WalletStore(session);
        RequestLookup lookup = store.take(requestId, provider.lifetime());
        ResponseVerifier verifier = new ResponseVerifier(settings.policy(), settings.statusLists(), Clock.systemUTC());
        String responseCode = PendingRequest.random();
        try {
            VerifiedPid pid = verifier.verify(lookup, response);
            store.putOutcome(requestId, Map.of(OUTCOME, VERIFIED, RESPONSE_CODE, responseCode, CLAIMS, Json.write(pid.claims())),
                    provider.lifetime());
            return redirectBrowser(requestId, responseCode);
        } catch (WalletRefusedException e) {
            WalletRefusals.record(session, null, provider.getConfig(), e.refusal(), e.getMessage());
            if (lookup instanceof RequestLookup.Pending) {
                store.putOutcome(requestId, Map.of(OUTCOME, REFUSED, CODE, e.refusal().code(), RESPONSE_CODE, responseCode),
                        provider.lifetime());
                if (e.refusal() == WalletRefusal.DECLINED) {
                    return redirectBrowser(requestId, responseCode);
                }
                // Refused, and still where to send the browser: on the same device, the person then reads the refusal on our page.
                return walletError(e.refusal(), completion(requestId, responseCode));
            }
            return walletError(e.refusal(), null);
        }
    }

    /** What the waiting page polls: only the browser whose login this is learns where to go next. */
    @GET
    @Path("status")
    public Response status(@QueryParam("request") String requestId) {
        if (requestId == null || browserLogin(requestId) == null) {
            return json(Response.Status.FORBIDDEN, Json.object().put("status", "other-browser"));
        }
        WalletStore store = new WalletStore(session);
        Map<String, String> outcome = store.outcome(requestId);
        if (outcome != null) {
            return json(Response.Status.OK, Json.object().put("status", "done")
                    .put("redirect", completion(requestId, outcome.get(RESPONSE_CODE))));
        }
        if (store.peek(requestId) != null) {
            return json(Response.Status.OK, Json.object().put("status", "pending"));
        }
        return json(Response.Status.OK, Json.object().put("status", "expired").put("redirect", completion(requestId, "")));
    }

    /** Where the wallet (same device) or the waiting page (cross device) sends the browser. */
    @GET
    @Path("complete")
    public Response complete(@QueryParam("request") String requestId, @QueryParam("response_code") String responseCode) {
        AuthenticationSessionModel authSession = requestId == null ? null : browserLogin(requestId);
        if (authSession == null) {
            return WalletRefusals.page(session, null, provider.getConfig(), WalletRefusal.OTHER_BROWSER,
                    "completion from a browser that did not start this login");
        }
        Map<String, String> outcome = new WalletStore(session).takeOutcome(requestId);
        if (outcome == null) {
            return WalletRefusals.page(session, authSession, provider.getConfig(), WalletRefusal.UNKNOWN_STATE,
                    "no answer from the wallet for this login, or already used");
        }
        if (responseCode == null || !MessageDigest.isEqual(responseCode.getBytes(StandardCharsets.US_ASCII),
                outcome.get(RESPONSE_CODE).getBytes(StandardCharsets.US_ASCII))) {
            return WalletRefusals.page(session, authSession, provider.getConfig(), WalletRefusal.OTHER_BROWSER,
                    "the response code is not the one given to the wallet");
        }
        if (!VERIFIED.equals(outcome.get(OUTCOME))) {
            WalletRefusal refusal = refusalOf(outcome.get(CODE));
            return WalletRefusals.page(session, authSession, provider.getConfig(), refusal, "the wallet's answer was refused");
        }
        ObjectNode claims = Json.parseObject(outcome.get(CLAIMS));
        String id = federatedId(claims);
        BrokeredIdentityContext context = new BrokeredIdentityContext(id, provider.getConfig());
        context.setIdp(provider);
        context.setAuthenticationSession(authSession);
        context.setUsername(id);
        context.getContextData().put(OIDCIdentityProvider.USER_INFO, claims);
        context.getContextData().put(UpstreamLevelValues.STATED_LEVEL, WALLET_LEVEL);
        return callback.authenticated(context);
    }

    /** The login of the browser calling, if it is the one waiting for this request; {@code null} otherwise. */
    private AuthenticationSessionModel browserLogin(String requestId) {
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).getCurrentRootAuthenticationSession(realm);
        if (root == null) {
            return null;
        }
        return root.getAuthenticationSessions().values().stream()
                .filter(login -> requestId.equals(login.getAuthNote(WalletIdentityProvider.REQUEST_NOTE)))
                .findFirst().orElse(null);
    }

    /**
     * The link kept between a Keycloak account and the wallet: a hash of the PID's identifier, so that
     * the administrative number itself is stored nowhere.
     */
    static String federatedId(ObjectNode claims) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"eudi", claims.path("issuing_country").asText(), claims.path("personal_administrative_number").asText()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private String completion(String requestId, String responseCode) {
        return WalletIdentityProvider.endpoint(session, realm, provider.getConfig()) + "/complete?request=" + WalletIdentityProvider.encode(requestId)
                + "&response_code=" + WalletIdentityProvider.encode(responseCode);
    }

    private Response redirectBrowser(String requestId, String responseCode) {
        return json(Response.Status.OK, Json.object().put("redirect_uri", completion(requestId, responseCode)));
    }

    private static Response walletError(WalletRefusal refusal, String redirectUri) {
        ObjectNode body = Json.object().put("error", "invalid_request").put("error_description", refusal.code());
        if (redirectUri != null) {
            body.put("redirect_uri", redirectUri);
        }
        return json(Response.Status.BAD_REQUEST, body);
    }

    private static Response json(Response.Status status, ObjectNode body) {
        return Response.status(status).entity(Json.write(body)).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE).build();
    }

    private static WalletRefusal refusalOf(String code) {
        for (WalletRefusal refusal : WalletRefusal.values()) {
            if (refusal.code().equals(code)) {
                return refusal;
            }
        }
        return WalletRefusal.MALFORMED_RESPONSE;
    }
}
