package fr.passerelle.demo.dp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.passerelle.demo.Settings;

/**
 * The demo data provider: {@code GET /api/data} for SPs, {@code GET /health} for the start command.
 *
 * <p>Settings (system property, or the environment variable in upper case with underscores):
 * {@code passerelle.issuer} (default {@code http://localhost:8080/realms/passerelle}),
 * {@code passerelle.dp-url} (this data provider's URL, default {@code http://localhost:8082}),
 * {@code passerelle.demo-dp.port} (default the port of {@code passerelle.dp-url}), {@code passerelle.demo-dp.bind-address} (127.0.0.1),
 * {@code passerelle.demo-dp.client-id} (demo-dp), {@code passerelle.demo-dp.client-secret} (demo-dp-secret-keying-hs256-answers).
 */
public final class DemoDataProvider implements AutoCloseable {

    static {
        // One line per record, before the first logger reads the format.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

    private static final Logger LOG = Logger.getLogger(DemoDataProvider.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;

    private DemoDataProvider(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static DemoDataProvider start(Settings settings) throws IOException {
        String issuer = stripSlash(settings.get("passerelle.issuer",
                stripSlash(settings.get("passerelle.url", "http://localhost:8080")) + "/realms/passerelle"));
        String clientId = settings.get("passerelle.demo-dp.client-id", "demo-dp");
        String secret = settings.get("passerelle.demo-dp.client-secret", "demo-dp-secret-keying-hs256-answers");
        URI self = URI.create(settings.get("passerelle.dp-url", "http://localhost:8082"));
        int port = Integer.parseInt(settings.get("passerelle.demo-dp.port",
                Integer.toString(self.getPort() > 0 ? self.getPort() : ("https".equals(self.getScheme()) ? 443 : 80))));
        String bind = settings.get("passerelle.demo-dp.bind-address", "127.0.0.1");

        // The demo DP authenticates with its client secret, so the broker signs its answers HS256 with that secret.
        SignedIntrospectionVerifier verifier = SignedIntrospectionVerifier.withClientSecret(secret, issuer, clientId, Clock.systemUTC());
        CheckTokenClient checkToken = new CheckTokenClient(URI.create(issuer + "/passerelle/checktoken"), clientId, secret, verifier);

        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/api/data", new DataApi(checkToken, Registry.demo()));
        server.createContext("/health", exchange -> text(exchange, "ok\n"));
        server.createContext("/", exchange -> {
            if ("/".equals(exchange.getRequestURI().getPath())) {
                text(exchange, "Passerelle demo data provider (demo data). GET /api/data with Authorization: Bearer <SP access token>.\n"
                        + "Scopes served: dgfip_rfr, cnaf_quotient_familial. Broker: " + issuer + "\n");
            } else {
                try (exchange) {
                    DataApi.send(exchange, 404, Map.of("error", "not_found"));
                }
            }
        });
        server.start();
        LOG.info(() -> "Demo data provider on http://" + bind + ":" + server.getAddress().getPort() + " (broker " + issuer + ", client " + clientId + ")");
        return new DemoDataProvider(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        DemoDataProvider dp = start(Settings.fromSystem());
        Runtime.getRuntime().addShutdownHook(new Thread(dp::close));
    }

    private static void text(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
