package fr.passerelle.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** A data provider calling the broker's checktoken endpoint, as docs/reference.md (section 6) describes. */
public final class DataProvider {

    private final String brokerUrl;
    private final String endpointBaseUrl;
    private final String clientId;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DataProvider(PasserelleServer server, String clientId, String secret) {
        this(server.baseUrl(), server.baseUrl(), clientId, secret);
    }

    /** A DP that knows the broker by its public URL and sends checktoken to this base URL (in a cluster, one node). */
    public DataProvider(String brokerUrl, String endpointBaseUrl, String clientId, String secret) {
        this.brokerUrl = brokerUrl;
        this.endpointBaseUrl = endpointBaseUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    public static DataProvider demoDp(PasserelleServer server) {
        return new DataProvider(server, "demo-dp", "demo-dp-secret-keying-hs256-answers");
    }

    public String endpoint() {
        return endpointBaseUrl + "/realms/passerelle/passerelle/checktoken";
    }

    /** checktoken with client_secret_basic; {@code token} may be null to leave the field out. */
    public HttpResponse<String> checkToken(String token, String accept) {
        String body = token == null ? "" : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode checkTokenJson(String token) {
        HttpResponse<String> response = checkToken(token, "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("checktoken -> " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    /**
     * The default answer: a JWT typed token-introspection+jwt for this DP, which authenticates with its client secret,
     * so signed HS256 keyed by that secret (and nothing else is accepted: the algorithm is the DP's, not the header's).
     */
    public Map<String, Object> checkTokenJwt(String token) {
        return verifiedAnswer(checkToken(token, null), JWSAlgorithm.HS256,
                new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer verified as a DP expecting the realm's ES256 key would (a DP authenticating with a key of its own). */
    public Map<String, Object> checkTokenJwtWithRealmKey(String token) {
        try {
            JWKSet keys = JWKSet.load(URI.create((brokerUrl + "/realms/passerelle") + "/protocol/openid-connect/certs").toURL());
            return verifiedAnswer(checkToken(token, null), JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys));
        } catch (IOException | ParseException e) {
            throw new AssertionError("the realm's keys cannot be read: " + e.getMessage(), e);
        }
    }

    /** A signed answer verified with the given algorithm and keys, typed, for this DP; its token_introspection. */
    public Map<String, Object> verifiedAnswer(HttpResponse<String> response, JWSAlgorithm algorithm, JWKSource<SecurityContext> keys) {
        if (response.statusCode() != 200) {
            throw new AssertionError("checktoken -> " + response.statusCode() + ": " + response.body());
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/token-introspection+jwt")) {
            throw new AssertionError("unexpected media type " + response.headers().firstValue("Content-Type"));
        }
        try {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("token-introspection+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
            JWTClaimsSet claims = processor.process(response.body(), null);
            if (!(brokerUrl + "/realms/passerelle").equals(claims.getIssuer()) || !claims.getAudience().contains(clientId)) {
                throw new AssertionError("checktoken JWT for the wrong party: iss " + claims.getIssuer() + ", aud " + claims.getAudience());
            }
            return claims.getJSONObjectClaim("token_introspection");
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("checktoken JWT does not verify: " + e.getMessage(), e);
        }
    }
}
