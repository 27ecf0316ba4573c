package fr.passerelle.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** Keycloak's admin REST API, authenticated as the bootstrap admin of the master realm. */
public final class AdminApi {

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    AdminApi(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    public JsonNode get(String path) {
        return Json.parse(expect(send("GET", path, null), 200));
    }

    /** A PUT; most endpoints answer 204, a few (the user profile) 200 with what they stored. */
    public void put(String path, Object body) {
        HttpResponse<String> response = send("PUT", path, body);
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + path + " -> " + response.statusCode() + ": " + response.body());
        }
    }

    public void post(String path, Object body) {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() != 201 && response.statusCode() != 204 && response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + ": " + response.body());
        }
    }

    public void delete(String path) {
        expect(send("DELETE", path, null), 204);
    }

    /** A DELETE with a JSON body, as the role-mapping endpoints take. */
    public void deleteWithBody(String path, Object body) {
        expect(send("DELETE", path, body), 204);
    }

    /** The first user of a realm whose attribute has this value, or null. */
    public JsonNode findUserByAttribute(String realm, String attribute, String value) {
        JsonNode users = get("/admin/realms/" + realm + "/users?briefRepresentation=false&exact=true&q="
                + URLEncoder.encode(attribute + ":" + value, StandardCharsets.UTF_8));
        return users.isEmpty() ? null : users.get(0);
    }

    public JsonNode identityProvider(String realm, String alias) {
        return get("/admin/realms/" + realm + "/identity-provider/instances/" + alias);
    }

    public void updateIdentityProvider(String realm, JsonNode representation) {
        put("/admin/realms/" + realm + "/identity-provider/instances/" + representation.get("alias").asText(), representation);
    }

    public JsonNode clientByClientId(String realm, String clientId) {
        JsonNode clients = get("/admin/realms/" + realm + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        if (clients.isEmpty()) {
            throw new IllegalStateException("No client " + clientId + " in realm " + realm);
        }
        return clients.get(0);
    }

    private String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " -> "
                    + response.statusCode() + ": " + Json.abbreviate(response.body()));
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        return exchange(request);
    }

    /** An access token of the master realm: for tests that need a valid token from another realm. */
    public String accessToken() {
        return token();
    }

    private synchronized String token() {
        if (Instant.now().isAfter(tokenExpiry)) {
            String form = "grant_type=password&client_id=admin-cli&username=" + enc(username) + "&password=" + enc(password);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            JsonNode response = Json.parse(expect(exchange(request), 200));
            token = response.get("access_token").asText();
            tokenExpiry = Instant.now().plusSeconds(Math.max(5, response.get("expires_in").asLong() - 10));
        }
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
