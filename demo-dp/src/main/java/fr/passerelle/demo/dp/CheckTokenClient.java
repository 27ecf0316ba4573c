package fr.passerelle.demo.dp;

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

import com.nimbusds.jose.util.JSONObjectUtils;

import fr.passerelle.demo.dp.SignedIntrospectionVerifier.UnverifiableAnswer;

/**
 * Asks the broker's {@code checktoken} about an SP's access token, authenticated as this data provider
 * (client secret basic), and takes the default signed answer.
 */
public final class CheckTokenClient {

    private static final String SIGNED = "application/token-introspection+jwt";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;
    private final SignedIntrospectionVerifier verifier;

    public CheckTokenClient(URI endpoint, String clientId, String clientSecret, SignedIntrospectionVerifier verifier) {
        this.endpoint = endpoint;
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
        String credentials = form(clientId) + ":" + form(clientSecret);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.verifier = verifier;
    }

    public TokenIntrospection check(String accessToken) throws CheckTokenFailed {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Accept", SIGNED)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + form(accessToken)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CheckTokenFailed("checktoken unreachable at " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckTokenFailed("interrupted while calling checktoken");
        }
        if (response.statusCode() != 200) {
            throw new CheckTokenFailed("checktoken answered " + response.statusCode() + ": " + response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            if (type.startsWith("application/json")) {
                return unsigned(response.body());
            }
            return verifier.verify(response.body().strip());
        } catch (UnverifiableAnswer e) {
            throw new CheckTokenFailed(e.getMessage());
        }
    }

    /**
     * An unsigned answer is believed only when it says "inactive": refusing a token needs no proof, vouching
     * for one does.
     */
    private static TokenIntrospection unsigned(String body) throws CheckTokenFailed {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            if (Boolean.FALSE.equals(json.get("active"))) {
                return TokenIntrospection.INACTIVE;
            }
        } catch (ParseException e) {
            throw new CheckTokenFailed("checktoken answered unreadable JSON");
        }
        throw new CheckTokenFailed("checktoken vouched for a token without signing its answer");
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The broker could not be asked, or its answer cannot be believed: the data provider answers 502. */
    public static final class CheckTokenFailed extends Exception {
        private static final long serialVersionUID = 1L;

        public CheckTokenFailed(String message) {
            super(message);
        }
    }
}
