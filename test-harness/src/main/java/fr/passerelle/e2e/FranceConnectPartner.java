package fr.passerelle.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A service provider written from FranceConnect's partner documentation (v2 / FranceConnect+), not from this
 * project's code: endpoints from the discovery document, an authorization request with {@code acr_values}, a
 * {@code state} and a 64-hex {@code nonce} and no PKCE, the token request with {@code client_secret_post}, and the
 * checks the documentation makes mandatory: the ID token's and the userinfo JWT's signatures on the JWKS, {@code iss},
 * {@code aud}, {@code nonce}, {@code exp}; JWEs decrypted with the service's own key first. Logout through the
 * end-session endpoint with {@code id_token_hint} and {@code state}.
 */
public final class FranceConnectPartner {

    public static final String REDIRECT_URI = PasserelleServerExtension.SP_URL + "/callback";
    public static final String POST_LOGOUT_REDIRECT_URI = PasserelleServerExtension.SP_URL + "/logout-callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonNode discovery;
    private final String clientId;
    private final String secret;
    private final RSAKey encryptionKey;

    /**
     * @param discoveryUrl  the broker's {@code .well-known/openid-configuration}
     * @param encryptionKey the service's private key for FranceConnect+ JWEs, or null when it registered none
     */
    public FranceConnectPartner(String discoveryUrl, String clientId, String secret, RSAKey encryptionKey) {
        this.discovery = Json.parse(send(HttpRequest.newBuilder(URI.create(discoveryUrl)).GET(), 200).body());
        this.clientId = clientId;
        this.secret = secret;
        this.encryptionKey = encryptionKey;
    }

    private FranceConnectPartner(JsonNode endpoints, String clientId, String secret) {
        this.discovery = endpoints;
        this.clientId = clientId;
        this.secret = secret;
        this.encryptionKey = null;
    }

    /**
     * A service that pinned FranceConnect's v2 URLs in its code ({@code <host>/api/v2/...}) instead of reading the
     * discovery document: only the host, the client id, the secret and the expected issuer changed.
     */
    public static FranceConnectPartner pinned(String host, String issuer, String clientId, String secret) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("issuer", issuer);
        endpoints.put("authorization_endpoint", host + "/api/v2/authorize");
        endpoints.put("token_endpoint", host + "/api/v2/token");
        endpoints.put("userinfo_endpoint", host + "/api/v2/userinfo");
        endpoints.put("end_session_endpoint", host + "/api/v2/session/end");
        endpoints.put("jwks_uri", host + "/api/v2/jwks");
        return new FranceConnectPartner(Json.MAPPER.valueToTree(endpoints), clientId, secret);
    }

    public String issuer() {
        return discovery.get("issuer").asText();
    }

    public Login login(String scope, String acrValues) {
        return new Login(scope, acrValues, hex(16), hex(32));
    }

    /** One login: the state and nonce the service keeps in its session until the code comes back. */
    public final class Login {
        private final Map<String, String> params = new LinkedHashMap<>();
        private final String state;
        private final String nonce;

        private Login(String scope, String acrValues, String state, String nonce) {
            this.state = state;
            this.nonce = nonce;
            params.put("response_type", "code");
            params.put("client_id", clientId);
            params.put("redirect_uri", REDIRECT_URI);
            params.put("scope", scope);
            params.put("state", state);
            params.put("nonce", nonce);
            if (acrValues != null) {
                params.put("acr_values", acrValues);
            }
        }

        public Login with(String parameter, String value) {
            params.put(parameter, value);
            return this;
        }

        public String state() {
            return state;
        }

        public String nonce() {
            return nonce;
        }

        public String url() {
            return discovery.get("authorization_endpoint").asText() + "?" + form(params);
        }

        /** The callback's checks (error, state) and the token request; the tokens' own checks follow in {@link Session}. */
        public Session callback(Page callback) {
            if (!callback.isClientRedirect() || !callback.uri().toString().startsWith(REDIRECT_URI)) {
                throw new AssertionError("Expected the callback, got " + callback.uri() + ":\n" + callback.text());
            }
            Map<String, String> answer = callback.params();
            if (!state.equals(answer.get("state"))) {
                throw new AssertionError("state mismatch: " + answer);
            }
            if (answer.containsKey("error")) {
                throw new AssertionError("The broker answered " + answer);
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("grant_type", "authorization_code");
            body.put("redirect_uri", REDIRECT_URI);
            body.put("client_id", clientId);
            body.put("client_secret", secret);
            body.put("code", answer.get("code"));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(discovery.get("token_endpoint").asText()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(body))), 200);
            return new Session(this, Json.parse(response.body()));
        }
    }

    /** What the service holds after the token request. */
    public final class Session {
        private final Login login;
        private final JsonNode tokens;
        private String signedIdToken;

        private Session(Login login, JsonNode tokens) {
            this.login = login;
            this.tokens = tokens;
        }

        public JsonNode tokenResponse() {
            return tokens;
        }

        public String accessToken() {
            return tokens.get("access_token").asText();
        }

        public boolean idTokenEncrypted() {
            return isJwe(tokens.get("id_token").asText());
        }

        /** The ID token's claims after decryption (if a JWE), signature, iss, aud, exp and nonce checks. */
        public Map<String, Object> idToken() {
            SignedJWT jwt = signed(tokens.get("id_token").asText());
            JWTClaimsSet claims = verified(jwt);
            if (!login.nonce().equals(claim(claims, "nonce"))) {
                throw new AssertionError("nonce mismatch");
            }
            signedIdToken = jwt.serialize();
            return claims.getClaims();
        }

        /** The userinfo response, which must be a JWT (signed, or encrypted then signed), verified like the ID token. */
        public UserinfoAnswer userinfo() {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(discovery.get("userinfo_endpoint").asText()))
                    .header("Authorization", "Bearer " + accessToken()).GET(), 200);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            SignedJWT jwt = signed(response.body().strip());
            return new UserinfoAnswer(contentType, isJwe(response.body().strip()), jwt.getHeader().getAlgorithm().getName(), verified(jwt).getClaims());
        }

        /** The RP-initiated logout request, with the signed ID token as hint, a fresh state and the registered return URL. */
        public String logoutUrl(String logoutState) {
            if (signedIdToken == null) {
                idToken();
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("id_token_hint", signedIdToken);
            params.put("state", logoutState);
            params.put("post_logout_redirect_uri", POST_LOGOUT_REDIRECT_URI);
            return discovery.get("end_session_endpoint").asText() + "?" + form(params);
        }
    }

    public record UserinfoAnswer(String contentType, boolean encrypted, String algorithm, Map<String, Object> claims) {
    }

    private SignedJWT signed(String compact) {
        try {
            if (!isJwe(compact)) {
                return SignedJWT.parse(compact);
            }
            if (encryptionKey == null) {
                throw new AssertionError("An encrypted token, but this service registered no key");
            }
            JWEObject jwe = JWEObject.parse(compact);
            if (!JWEAlgorithm.RSA_OAEP.equals(jwe.getHeader().getAlgorithm()) && !JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())) {
                throw new AssertionError("Unexpected key management " + jwe.getHeader().getAlgorithm());
            }
            jwe.decrypt(new RSADecrypter(encryptionKey));
            SignedJWT inner = jwe.getPayload().toSignedJWT();
            if (inner == null) {
                throw new AssertionError("The JWE does not nest a signed JWT");
            }
            return inner;
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("Not a readable JWT: " + e.getMessage(), e);
        }
    }

    /** Signature on the broker's JWKS (ES256 or RS256, as the service chose), then iss, aud, exp. */
    private JWTClaimsSet verified(SignedJWT jwt) {
        try {
            JWKSet keys = JWKSet.load(URI.create(discovery.get("jwks_uri").asText()).toURL());
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("No key " + jwt.getHeader().getKeyID() + " in the JWKS");
            }
            boolean valid;
            if (JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                valid = jwt.verify(new ECDSAVerifier((ECKey) key));
            } else if (JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                valid = jwt.verify(new RSASSAVerifier((RSAKey) key));
            } else {
                throw new AssertionError("FranceConnect signs with ES256 or RS256 only, not " + jwt.getHeader().getAlgorithm());
            }
            if (!valid) {
                throw new AssertionError("Bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer().equals(claims.getIssuer())) {
                throw new AssertionError("iss " + claims.getIssuer() + " is not " + issuer());
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
                throw new AssertionError("aud " + claims.getAudience() + " lacks " + clientId);
            }
            if (claims.getExpirationTime() != null && claims.getExpirationTime().getTime() < System.currentTimeMillis()) {
                throw new AssertionError("expired");
            }
            return claims;
        } catch (IOException | ParseException | JOSEException e) {
            throw new AssertionError("Does not verify: " + e.getMessage(), e);
        }
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    private static boolean isJwe(String compact) {
        return compact.split("\\.", -1).length == 5;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public static List<String> list(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(Object::toString).toList();
        }
        throw new AssertionError("not a list: " + value);
    }
}
