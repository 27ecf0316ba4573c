package fr.passerelle.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Raw partner calls as a careless or hostile SP or DP sends them: hand-edited authorization URLs, form bodies
 * with repeated or missing fields, any client authentication. Also what the broker stored, to show that a
 * refused call left nothing behind.
 */
final class PartnerCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PartnerCalls() {
    }

    /** The URL without any occurrence of this query parameter. */
    static String without(String url, String parameter) {
        String stripped = url.replaceAll("([?&])" + Pattern.quote(parameter) + "=[^&]*", "$1").replace("?&", "?").replaceAll("&&+", "&");
        return stripped.endsWith("&") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** The URL with this query parameter's value replaced (every occurrence). */
    static String replacing(String url, String parameter, String value) {
        return url.replaceAll("([?&])" + Pattern.quote(parameter) + "=[^&]*",
                "$1" + Matcher.quoteReplacement(parameter + "=" + enc(value)));
    }

    /** The URL with one more occurrence of this query parameter. */
    static String adding(String url, String parameter, String value) {
        return url + "&" + enc(parameter) + "=" + enc(value);
    }

    /** A form POST with fields in order (a field may repeat) and optional client_secret_basic credentials. */
    static HttpResponse<String> post(String url, List<Map.Entry<String, String>> fields, String basicUser, String basicSecret) {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((enc(basicUser) + ":" + enc(basicSecret)).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String randomVerifier() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map.Entry<String, String>> fields(String... namesAndValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }

    static String tokenEndpoint(PasserelleServer server) {
        return server.realmUrl("passerelle") + "/protocol/openid-connect/token";
    }

    static String revocationEndpoint(PasserelleServer server) {
        return server.realmUrl("passerelle") + "/protocol/openid-connect/revoke";
    }

    /** The OAuth error of a JSON error body. */
    static String error(HttpResponse<String> response) {
        return Json.parse(response.body()).path("error").asText();
    }

    static String errorDescription(HttpResponse<String> response) {
        return Json.parse(response.body()).path("error_description").asText();
    }

    /**
     * What the broker keeps that a partner's call could add to: trace rows, accounts, and the live sessions of
     * each client. Equal snapshots before and after a refused call mean it stored nothing.
     */
    record Stored(int traces, int users, Map<String, Integer> sessions) {
        static Stored of(PasserelleServer server) {
            JsonNode stats = server.admin().get("/admin/realms/passerelle/client-session-stats");
            Map<String, Integer> sessions = new java.util.TreeMap<>();
            stats.forEach(s -> sessions.put(s.path("clientId").asText(), s.path("active").asInt() + s.path("offline").asInt()));
            return new Stored(Traces.all(server).size(),
                    server.admin().get("/admin/realms/passerelle/users/count").asInt(), sessions);
        }

        /**
         * Nothing was added since {@code before}: the same accounts, no client with more sessions (Keycloak may end
         * one, e.g. when a code is replayed), and exactly {@code traceRows} more trace rows.
         */
        void assertNothingAddedSince(Stored before, int traceRows, String what) {
            org.junit.jupiter.api.Assertions.assertEquals(before.traces() + traceRows, traces, what + ": trace rows");
            org.junit.jupiter.api.Assertions.assertEquals(before.users(), users, what + ": accounts");
            sessions.forEach((client, count) -> org.junit.jupiter.api.Assertions.assertTrue(
                    count <= before.sessions().getOrDefault(client, 0), what + ": sessions of " + client + " " + before.sessions() + " -> " + sessions));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
