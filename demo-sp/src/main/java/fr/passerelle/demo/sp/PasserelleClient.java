package fr.passerelle.demo.sp;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * The SP's side of OpenID Connect with Passerelle, all of it done by the Nimbus OAuth 2.0 / OpenID Connect
 * SDK: discovery from the issuer, authorization code flow with PKCE (S256), {@code state} and
 * {@code nonce}, the code redeemed with client secret basic, the ID token validated (ES256 signature
 * against the realm's published keys, issuer, audience, expiry, nonce), RP-initiated logout.
 *
 * <p>Discovery happens on first use and is retried until it succeeds, so the SP can start before the broker.
 */
public final class PasserelleClient {

    /** Identity scopes every sign-in asks for (docs/reference.md, section 6): the whole pivot identity, how and where the person authenticated. */
    static final List<String> IDENTITY_SCOPES = List.of("openid", "identite_pivot", "amr", "idp");
    private static final int TIMEOUT_MS = 10_000;

    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret secret;
    private final URI redirectUri;
    private final URI postLogoutRedirectUri;
    private volatile Discovered discovered;

    public PasserelleClient(String issuer, String clientId, String secret, URI redirectUri, URI postLogoutRedirectUri) {
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(clientId);
        this.secret = new Secret(secret);
        this.redirectUri = redirectUri;
        this.postLogoutRedirectUri = postLogoutRedirectUri;
    }

    public String issuer() {
        return issuer.getValue();
    }

    /** Where to send the browser to sign in. */
    public URI authorizationUrl(SignIn signIn, Language language) throws BrokerUnreachable {
        List<String> scopes = new ArrayList<>(IDENTITY_SCOPES);
        scopes.addAll(signIn.dataScopes());
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                ResponseType.CODE, new Scope(scopes.toArray(String[]::new)), clientId, redirectUri)
                .endpointURI(discovered().metadata.getAuthorizationEndpointURI())
                .state(signIn.state())
                .nonce(signIn.nonce())
                .codeChallenge(signIn.verifier(), CodeChallengeMethod.S256)
                .acrValues(List.of(new ACR(signIn.level())))
                .uiLocales(List.of(langTag(language)))
                .build();
        return request.toURI();
    }

    /** The {@code state} of the broker's answer (the callback's query string), to find the sign-in it answers. */
    public State stateOf(String callbackQuery) throws SignInFailed {
        return parse(callbackQuery).getState();
    }

    /** Checks the broker's answer for the sign-in it belongs to, redeems the code and validates the ID token. */
    public SignedIn finish(String callbackQuery, SignIn signIn) throws SignInFailed, BrokerUnreachable {
        AuthenticationResponse response = parse(callbackQuery);
        if (!signIn.state().equals(response.getState())) {
            throw new SignInFailed("state_mismatch", null);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new SignInFailed(error.getCode(), error.getDescription());
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        Discovered broker = discovered();
        // RFC 9207: an answer naming another issuer is a mix-up, whoever sent it.
        if (success.getIssuer() != null && !success.getIssuer().equals(broker.metadata.getIssuer())) {
            throw new SignInFailed("issuer_mismatch", null);
        }
        try {
            TokenRequest tokenRequest = new TokenRequest.Builder(broker.metadata.getTokenEndpointURI(),
                    new ClientSecretBasic(clientId, secret),
                    new AuthorizationCodeGrant(success.getAuthorizationCode(), redirectUri, signIn.verifier())).build();
            HTTPRequest http = tokenRequest.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(http.send());
            if (!tokenResponse.indicatesSuccess()) {
                ErrorObject error = tokenResponse.toErrorResponse().getErrorObject();
                throw new SignInFailed(error.getCode(), error.getDescription());
            }
            OIDCTokens tokens = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens();
            IDTokenClaimsSet claims = broker.idTokens.validate(tokens.getIDToken(), signIn.nonce());
            return new SignedIn(claims.toJSONObject(), tokens.getIDToken(), tokens.getAccessToken(), signIn,
                    SignedIn.granted(signIn, tokens.getAccessToken()));
        } catch (IOException e) {
            throw new BrokerUnreachable(e);
        } catch (ParseException e) {
            throw new SignInFailed("invalid_token_response", e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInFailed("invalid_id_token", e.getMessage());
        }
    }

    /** Where to send the browser to sign out of the broker (and the IdP), coming back with {@code state}. */
    public URI logoutUrl(SignedIn person, State state, Language language) throws BrokerUnreachable {
        return new LogoutRequest(discovered().metadata.getEndSessionEndpointURI(), person.idToken(), null, clientId,
                postLogoutRedirectUri, state, List.of(langTag(language))).toURI();
    }

    private AuthenticationResponse parse(String callbackQuery) throws SignInFailed {
        try {
            return AuthenticationResponseParser.parse(redirectUri, URLUtils.parseParameters(callbackQuery));
        } catch (ParseException e) {
            throw new SignInFailed("invalid_request", e.getMessage());
        }
    }

    private Discovered discovered() throws BrokerUnreachable {
        Discovered current = discovered;
        if (current == null) {
            synchronized (this) {
                current = discovered;
                if (current == null) {
                    current = discover();
                    discovered = current;
                }
            }
        }
        return current;
    }

    private Discovered discover() throws BrokerUnreachable {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId, JWSAlgorithm.ES256,
                    metadata.getJWKSetURI().toURL());
            return new Discovered(metadata, validator);
        } catch (GeneralException | IOException e) {
            throw new BrokerUnreachable(e);
        }
    }

    private static LangTag langTag(Language language) {
        try {
            return new LangTag(language.tag());
        } catch (LangTagException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator idTokens) {
    }

    /** The broker could not be reached (or discovered): try again later. */
    public static final class BrokerUnreachable extends Exception {
        private static final long serialVersionUID = 1L;

        BrokerUnreachable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The broker answered with an error, or with something the SP must not accept. */
    public static final class SignInFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        SignInFailed(String code, String description) {
            super(description == null ? code : code + ": " + description);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
