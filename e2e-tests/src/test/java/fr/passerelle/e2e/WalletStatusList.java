package fr.passerelle.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A PID provider's Token Status List for the wallet tests, made by the independent holder and signed under
 * the trusted test PID provider CA, served on loopback at {@link #uri()}; {@link #missingUri()} answers 404.
 */
final class WalletStatusList implements AutoCloseable {

    private final HttpServer server;
    private final String uri;
    private final String missingUri;

    private WalletStatusList(HttpServer server, String uri, String missingUri) {
        this.server = server;
        this.uri = uri;
        this.missingUri = missingUri;
    }

    /** A list of {@code size} entries, every one valid but {@code revokedIndex}. */
    static WalletStatusList start(WalletHolder holder, WalletTrust trust, int size, int revokedIndex) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String uri = base + "/status/1";
            ObjectNode command = Json.MAPPER.createObjectNode().put("command", "status-list").put("issuerKey", trust.trusted().keyPem())
                    .put("uri", uri).put("size", size);
            trust.trusted().x5c().forEach(command.putArray("x5c")::add);
            command.putArray("revoked").add(revokedIndex);
            byte[] token = holder.run(command).get("token").asText().getBytes(StandardCharsets.US_ASCII);
            server.createContext("/status/1", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/statuslist+jwt");
                exchange.sendResponseHeaders(200, token.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(token);
                }
            });
            server.start();
            return new WalletStatusList(server, uri, base + "/status/missing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return uri;
    }

    String missingUri() {
        return missingUri;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
