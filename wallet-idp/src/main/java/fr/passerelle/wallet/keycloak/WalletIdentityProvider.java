package fr.passerelle.wallet.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.wallet.PendingRequest;
import fr.passerelle.wallet.WalletRefusal;

/**
 * Starts a wallet login: a fresh presentation request kept in the cluster-wide store, and the page
 * offering the same-device button, the QR code for another device, and the wait for the answer.
 */
public class WalletIdentityProvider extends AbstractIdentityProvider<IdentityProviderModel> {

    static final String WALLET_URL = "passerelle.wallet-url";
    static final String REQUEST_LIFETIME = "passerelle.wallet-request-lifetime";
    static final String DEFAULT_WALLET_URL = "haip-vp://";
    static final long DEFAULT_REQUEST_LIFETIME = 300;
    /** The auth note naming the request this browser's login waits for. */
    static final String REQUEST_NOTE = "passerelle.wallet.request-id";
    static final String TEMPLATE = "passerelle-wallet.ftl";

    private final WalletSettings settings;

    public WalletIdentityProvider(KeycloakSession session, IdentityProviderModel config, WalletSettings settings) {
        super(session, config);
        this.settings = settings;
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        if (settings == null) {
            return WalletRefusals.page(session, authSession, getConfig(), WalletRefusal.NOT_CONFIGURED, "verifier not configured");
        }
        URI endpoint = endpoint(session, request.getRealm(), getConfig());
        PendingRequest pending = PendingRequest.create(settings.verifier().clientId(), endpoint + "/response/",
                Instant.now().plusSeconds(lifetime()));
        new WalletStore(session).putPending(pending, lifetime());
        authSession.setAuthNote(REQUEST_NOTE, pending.requestId());

        String requestUri = endpoint + "/request/" + pending.requestId();
        String walletLink = walletUrl() + (walletUrl().contains("?") ? "&" : "?")
                + "client_id=" + encode(settings.verifier().clientId())
                + "&request_uri=" + encode(requestUri)
                + "&request_uri_method=post";
        // The page offers the way back to the service of this login while the person waits (the forms read the client
        // from the context).
        session.getContext().setClient(authSession.getClient());
        return session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(authSession)
                .setAttribute("passerelleWalletLink", walletLink)
                .setAttribute("passerelleWalletQr", QrCode.svg(walletLink))
                .setAttribute("passerelleWalletStatusUrl", endpoint + "/status?request=" + pending.requestId())
                .setAttribute("passerelleWalletIdp", getConfig().getDisplayName() == null ? getConfig().getAlias() : getConfig().getDisplayName())
                .createForm(TEMPLATE);
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new WalletEndpoint(session, realm, this, callback, settings);
    }

    /** A wallet gives no token to keep. */
    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity) {
        return Response.status(Response.Status.NOT_FOUND).build();
    }

    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity, UserSessionModel userSession, UserModel user) {
        return Response.status(Response.Status.NOT_FOUND).build();
    }

    long lifetime() {
        String value = getConfig().getConfig().get(REQUEST_LIFETIME);
        try {
            long seconds = value == null || value.isBlank() ? DEFAULT_REQUEST_LIFETIME : Long.parseLong(value.strip());
            return seconds > 0 ? seconds : DEFAULT_REQUEST_LIFETIME;
        } catch (NumberFormatException e) {
            return DEFAULT_REQUEST_LIFETIME;
        }
    }

    private String walletUrl() {
        String value = getConfig().getConfig().get(WALLET_URL);
        return value == null || value.isBlank() ? DEFAULT_WALLET_URL : value.strip();
    }

    static URI endpoint(KeycloakSession session, RealmModel realm, IdentityProviderModel config) {
        return Urls.identityProviderAuthnResponse(session.getContext().getUri().getBaseUri(), config.getAlias(), realm.getName());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
