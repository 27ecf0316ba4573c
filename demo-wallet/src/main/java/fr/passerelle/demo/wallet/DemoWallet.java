package fr.passerelle.demo.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.passerelle.demo.Settings;

/**
 * The demo's EU wallet side, in one process: the demo PID provider (its status list at
 * {@code /status/pid}) and a web wallet holding the demo people's PIDs. The broker's wallet invocation
 * URL in the demo realm is this wallet's {@code /wallet}: a person choosing the wallet on the broker's
 * page lands here in the same browser, sees what the service asks, picks a PID and shares it (or
 * declines), and is sent back to the broker.
 *
 * <p>{@code java -jar passerelle-demo-wallet.jar init DIR} creates the demo trust (see {@link DemoTrust})
 * and exits; the start command runs it before the broker, which reads the verifier keystore and the
 * anchors from there. Without arguments it serves. Settings (system property, or the environment
 * variable in upper case with underscores): {@code passerelle.demo-wallet.url} (default
 * {@code http://localhost:8084}), {@code passerelle.demo-wallet.dir} (default {@code data/wallet}),
 * {@code passerelle.demo-wallet.bind-address} (127.0.0.1).
 */
public final class DemoWallet implements AutoCloseable {

    static {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

    private static final Logger LOG = Logger.getLogger(DemoWallet.class.getName());
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(PresentationRequest request, Instant created) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final PidProvider provider;
    private final List<PidProvider.HeldPid> pids;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private DemoWallet(HttpServer server, ExecutorService executor, PidProvider provider) {
        this.server = server;
        this.executor = executor;
        this.provider = provider;
        this.pids = provider.issueAll();
    }

    public static DemoWallet start(String url, Path directory, String bind) throws IOException {
        DemoTrust.init(directory);
        URI self = URI.create(url);
        PidProvider provider = new PidProvider(DemoTrust.pidProvider(directory), stripSlash(url), Clock.systemUTC());
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, self.getPort() > 0 ? self.getPort() : 80), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        DemoWallet wallet = new DemoWallet(server, executor, provider);
        server.createContext("/", wallet::handle);
        server.start();
        LOG.info(() -> "Demo wallet and PID provider on " + url + " (trust in " + directory + ")");
        return wallet;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && "init".equals(args[0])) {
            DemoTrust.init(Path.of(args[1]));
            return;
        }
        Settings settings = Settings.fromSystem();
        DemoWallet wallet = start(settings.get("passerelle.demo-wallet.url", "http://localhost:8084"),
                Path.of(settings.get("passerelle.demo-wallet.dir", "data/wallet")), settings.get("passerelle.demo-wallet.bind-address", "127.0.0.1"));
        Runtime.getRuntime().addShutdownHook(new Thread(wallet::close));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && "/health".equals(path)) {
                send(exchange, 200, "text/plain; charset=utf-8", "ok\n");
            } else if ("GET".equals(method) && "/status/pid".equals(path)) {
                send(exchange, 200, "application/statuslist+jwt", provider.statusList());
            } else if ("GET".equals(method) && "/".equals(path)) {
                send(exchange, 200, WalletPages.HTML, WalletPages.home(pids));
            } else if ("GET".equals(method) && "/wallet".equals(path)) {
                request(exchange, parse(exchange.getRequestURI().getRawQuery()));
            } else if ("POST".equals(method) && "/wallet/answer".equals(path)) {
                answer(exchange, parse(readBody(exchange.getRequestBody())));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Demo wallet error: " + e);
            send(exchange, 500, WalletPages.HTML, WalletPages.problem("Le portefeuille de démo a rencontré une erreur."));
        }
    }

    private void request(HttpExchange exchange, Map<String, String> query) throws IOException, InterruptedException {
        if (query.get("request_uri") == null) {
            send(exchange, 200, WalletPages.HTML, WalletPages.home(pids));
            return;
        }
        PresentationRequest request;
        try {
            request = PresentationRequest.fetch(http, query.get("client_id"), query.get("request_uri"), random(), Instant.now());
        } catch (PresentationRequest.Unusable e) {
            send(exchange, 400, WalletPages.HTML, WalletPages.problem(e.getMessage()));
            return;
        } catch (IOException e) {
            send(exchange, 502, WalletPages.HTML, WalletPages.problem("Le service ne répond pas : recommencez plus tard."));
            return;
        }
        purge();
        String id = random();
        pending.put(id, new Pending(request, Instant.now()));
        send(exchange, 200, WalletPages.HTML, WalletPages.consent(id, request, pids));
    }

    private void answer(HttpExchange exchange, Map<String, String> form) throws IOException, InterruptedException {
        Pending waiting = form.get("request") == null ? null : pending.remove(form.get("request"));
        if (waiting == null || waiting.created().plus(PENDING_LIFETIME).isBefore(Instant.now())) {
            send(exchange, 400, WalletPages.HTML, WalletPages.problem("Cette demande a déjà reçu une réponse ou a expiré : recommencez depuis le service."));
            return;
        }
        WalletAnswer answer;
        PidProvider.HeldPid pid = pids.stream().filter(p -> p.id().equals(form.get("pid"))).findFirst().orElse(null);
        boolean declined = "decline".equals(form.get("action"));
        if (!declined && pid == null) {
            send(exchange, 400, WalletPages.HTML, WalletPages.problem("Choisissez l'identité à présenter."));
            return;
        }
        try {
            answer = declined ? WalletAnswer.decline(http, waiting.request()) : WalletAnswer.share(http, pid, waiting.request(), Instant.now());
        } catch (IOException e) {
            send(exchange, 502, WalletPages.HTML, WalletPages.problem("Le service ne répond pas : recommencez depuis le service."));
            return;
        }
        if (answer.redirectUri() != null && answer.status() == 200) {
            exchange.getResponseHeaders().set("Location", answer.redirectUri());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        send(exchange, 200, WalletPages.HTML, WalletPages.refused(answer.error(), answer.redirectUri()));
    }

    private void purge() {
        Instant oldest = Instant.now().minus(PENDING_LIFETIME);
        pending.values().removeIf(p -> p.created().isBefore(oldest));
        if (pending.size() >= MAX_PENDING) {
            pending.clear();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(64 * 1024);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return PidProvider.base64Url(bytes);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
