package fr.passerelle.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** The back end of a service provider registered at the broker: builds authorization requests and redeems codes. */
public final class ServiceProvider {

    public static final String REDIRECT_URI = PasserelleServerExtension.SP_URL + "/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String brokerUrl;
    private final String realm;
    private final String clientId;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ServiceProvider(PasserelleServer server, String realm, String clientId, String secret) {
        this(server.baseUrl(), realm, clientId, secret);
    }

    /** An SP that knows the broker by this public URL (in a cluster, the load balancer's). */
    public ServiceProvider(String brokerUrl, String realm, String clientId, String secret) {
        this.brokerUrl = brokerUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.secret = secret;
    }

    public static ServiceProvider demoSp(PasserelleServer server) {
        return new ServiceProvider(server, "passerelle", "demo-sp", "demo-sp-secret");
    }

    public String clientId() {
        return clientId;
    }

    public Authorization authorize(String scope) {
        return new Authorization(scope, random(), random(), random(), new LinkedHashMap<>());
    }

    /** One authorization request: the SP keeps state, nonce and the PKCE verifier until the code comes back. */
    public final class Authorization {
        private final String scope;
        private final String state;
        private final String nonce;
        private final String verifier;
        private final Map<String, String> extra;

        private Authorization(String scope, String state, String nonce, String verifier, Map<String, String> extra) {
            this.scope = scope;
            this.state = state;
            this.nonce = nonce;
            this.verifier = verifier;
            this.extra = extra;
        }

        public Authorization with(String parameter, String value) {
            extra.put(parameter, value);
            return this;
        }

        public String state() {
            return state;
        }

        public String nonce() {
            return nonce;
        }

        public String url() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client_id", clientId);
            params.put("redirect_uri", REDIRECT_URI);
            params.put("response_type", "code");
            params.put("scope", scope);
            params.put("state", state);
            params.put("nonce", nonce);
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
            params.putAll(extra);
            return brokerUrl + "/realms/" + realm + "/protocol/openid-connect/auth?" + form(params);
        }

        /** Checks the redirect the browser brought back and redeems its code. */
        public Tokens redeem(Page callback) {
            return redeemAt(brokerUrl, callback);
        }

        /** Same, with the back-channel call sent to this base URL (in a cluster, one node directly). */
        public Tokens redeemAt(String baseUrl, Page callback) {
            if (!callback.isClientRedirect()) {
                throw new AssertionError("Expected a redirect back to " + clientId + ", got " + callback.uri() + ":\n" + callback.text());
            }
            Map<String, String> params = callback.params();
            if (params.containsKey("error")) {
                throw new AssertionError("The broker answered " + params);
            }
            if (!state.equals(params.get("state"))) {
                throw new AssertionError("state mismatch: " + params);
            }
            Map<String, String> body = clientCredentials();
            body.put("grant_type", "authorization_code");
            body.put("code", params.get("code"));
            body.put("redirect_uri", REDIRECT_URI);
            body.put("code_verifier", verifier);
            JsonNode response = post(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token", body);
            return new Tokens(brokerUrl, realm, clientId, nonce, response);
        }
    }

    /** Redeems a refresh token, with the back-channel call sent to this base URL. */
    public JsonNode refreshAt(String baseUrl, String refreshToken) {
        Map<String, String> body = clientCredentials();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return post(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token", body);
    }

    /** Back-channel logout of the session behind a refresh token (RP-initiated logout without a browser). */
    public void logout(String refreshToken) {
        Map<String, String> body = clientCredentials();
        body.put("refresh_token", refreshToken);
        postForm(brokerUrl + "/realms/" + realm + "/protocol/openid-connect/logout", body, 204);
    }

    JsonNode post(String url, Map<String, String> body) {
        return Json.parse(postForm(url, body, 200));
    }

    /** The client's own authentication, first fields of every back-channel call (secret only for a confidential client). */
    private Map<String, String> clientCredentials() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        if (secret != null) {
            body.put("client_secret", secret);
        }
        return body;
    }

    /** POSTs a form and returns the body, failing unless the broker answers with the expected status. */
    private String postForm(String url, Map<String, String> body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError("POST " + url + " -> " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
