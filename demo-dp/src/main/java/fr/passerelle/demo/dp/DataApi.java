package fr.passerelle.demo.dp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import fr.passerelle.demo.dp.CheckTokenClient.CheckTokenFailed;

/** {@code GET /api/data} with {@code Authorization: Bearer <the SP's access token>}. */
final class DataApi implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(DataApi.class.getName());
    private static final String BEARER = "Bearer ";

    private final CheckTokenClient checkToken;
    private final Registry registry;

    DataApi(CheckTokenClient checkToken, Registry registry) {
        this.checkToken = checkToken;
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, Map.of("error", "method_not_allowed"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || authorization.substring(BEARER.length()).isBlank()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"demo-dp\"");
                send(exchange, 401, Map.of("error", "invalid_request", "error_description", "An SP access token is required as a Bearer token."));
                return;
            }
            DataAnswer answer;
            try {
                answer = DataAnswer.decide(checkToken.check(authorization.substring(BEARER.length()).strip()), registry);
            } catch (CheckTokenFailed e) {
                LOG.log(Level.WARNING, e.getMessage());
                send(exchange, 502, Map.of("error", "checktoken_failed", "error_description", "The broker could not vouch for this token right now."));
                return;
            }
            // Status and error code only: the identity and the data are personal and stay out of the log.
            LOG.info(() -> "GET /api/data -> " + answer.status() + " " + answer.body().getOrDefault("error", answer.body().get("scope")));
            if (answer.status() == 401 || answer.status() == 403) {
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Bearer realm=\"demo-dp\", error=\"" + answer.body().get("error") + "\"");
            }
            send(exchange, answer.status(), answer.body());
        }
    }

    static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
