package fr.passerelle.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The cluster's public address on loopback: a small round-robin reverse proxy in front of the nodes, as
 * nginx is in {@code docker/}. Every request goes to the next node in turn (or to the one node it is
 * pinned to); a node that refuses the connection is skipped, as a load balancer does when a node dies.
 * It records which node served each request, so a test can show that one login crossed nodes.
 */
final class LoadBalancer implements AutoCloseable {

    /** Headers a proxy does not forward (hop by hop) or that the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings", "date", "from", "via", "warning");

    /** One request and the node that answered it. */
    record Served(int node, String method, String path, int status) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<String> nodes;
    private final AtomicLong turn = new AtomicLong();
    private final List<Served> served = new ArrayList<>();
    private volatile int pinned = -1;

    private LoadBalancer(HttpServer server, List<String> nodes) {
        this.server = server;
        this.nodes = List.copyOf(nodes);
    }

    /** Listens on this loopback port and spreads requests over these node base URLs (node 1 first). */
    static LoadBalancer start(int port, List<String> nodeBaseUrls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        LoadBalancer balancer = new LoadBalancer(server, nodeBaseUrls);
        server.createContext("/", balancer::handle);
        server.setExecutor(balancer.workers);
        server.start();
        return balancer;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request from now on goes to the next node in turn, starting with node 1. */
    void alternate() {
        pinned = -1;
        turn.set(0);
    }

    /** Every request from now on goes to this node (1-based), as long as it answers. */
    void pin(int node) {
        pinned = node - 1;
    }

    /** What was served since the last call, in order. */
    synchronized List<Served> takeServed() {
        List<Served> copy = List.copyOf(served);
        served.clear();
        return copy;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = pinned >= 0 ? pinned : (int) (turn.getAndIncrement() % nodes.size());
            for (int attempt = 0; attempt < nodes.size(); attempt++) {
                int node = (first + attempt) % nodes.size();
                try {
                    HttpResponse<byte[]> response = http.send(forward(exchange, nodes.get(node), body), HttpResponse.BodyHandlers.ofByteArray());
                    record(new Served(node + 1, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), response.statusCode()));
                    reply(exchange, response);
                    return;
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    // this node is down: next one, as a load balancer would
                }
            }
            exchange.sendResponseHeaders(502, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private synchronized void record(Served request) {
        served.add(request);
    }

    private HttpRequest forward(HttpExchange exchange, String nodeBaseUrl, byte[] body) {
        URI incoming = exchange.getRequestURI();
        String target = nodeBaseUrl + incoming.getRawPath() + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.method(exchange.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void reply(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        byte[] body = response.body();
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
