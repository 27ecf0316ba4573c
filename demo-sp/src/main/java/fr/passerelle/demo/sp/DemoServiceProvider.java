package fr.passerelle.demo.sp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.oauth2.sdk.id.State;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.passerelle.demo.Settings;
import fr.passerelle.demo.sp.PasserelleClient.BrokerUnreachable;
import fr.passerelle.demo.sp.PasserelleClient.SignInFailed;
import fr.passerelle.demo.sp.Sessions.Session;

/**
 * The demo service provider: a city's online services, signing people in through Passerelle.
 *
 * <p>Settings (system property, or the environment variable in upper case with underscores):
 * <ul>
 * <li>{@code passerelle.issuer}: the broker realm's issuer; default {@code ${passerelle.url}/realms/passerelle},
 *     {@code passerelle.url} defaulting to {@code http://localhost:8080};</li>
 * <li>{@code passerelle.sp-url}: this SP's public URL, registered at the broker; default {@code http://localhost:8081};</li>
 * <li>{@code passerelle.demo-sp.port}: the port to listen on; default the port of {@code passerelle.sp-url};</li>
 * <li>{@code passerelle.demo-sp.bind-address}: default {@code 127.0.0.1};</li>
 * <li>{@code passerelle.demo-sp.client-id} / {@code passerelle.demo-sp.client-secret}: default {@code demo-sp} / {@code demo-sp-secret};</li>
 * <li>{@code passerelle.dp-url}: the demo data provider; default {@code http://localhost:8082}.</li>
 * </ul>
 */
public final class DemoServiceProvider implements AutoCloseable {

    static {
        // One line per record, before the first logger reads the format.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

    private static final Logger LOG = Logger.getLogger(DemoServiceProvider.class.getName());
    private static final String SESSION_COOKIE = "demo_sp_session";
    private static final String LANGUAGE_COOKIE = "demo_sp_lang";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PasserelleClient passerelle;
    private final DataProviderClient dataProvider;
    private final Sessions sessions = new Sessions(Clock.systemUTC());
    private final boolean secureCookies;
    private final byte[] stylesheet;
    private final DemoMailbox mailbox;

    private DemoServiceProvider(HttpServer server, ExecutorService executor, PasserelleClient passerelle,
                                DataProviderClient dataProvider, boolean secureCookies, DemoMailbox mailbox) throws IOException {
        this.server = server;
        this.mailbox = mailbox;
        this.executor = executor;
        this.passerelle = passerelle;
        this.dataProvider = dataProvider;
        this.secureCookies = secureCookies;
        try (InputStream css = DemoServiceProvider.class.getResourceAsStream("style.css")) {
            this.stylesheet = css.readAllBytes();
        }
    }

    public static DemoServiceProvider start(Settings settings) throws IOException {
        String brokerUrl = stripSlash(settings.get("passerelle.url", "http://localhost:8080"));
        String issuer = stripSlash(settings.get("passerelle.issuer", brokerUrl + "/realms/passerelle"));
        String spUrl = stripSlash(settings.get("passerelle.sp-url", "http://localhost:8081"));
        URI sp = URI.create(spUrl);
        int defaultPort = sp.getPort() > 0 ? sp.getPort() : ("https".equals(sp.getScheme()) ? 443 : 80);
        int port = Integer.parseInt(settings.get("passerelle.demo-sp.port", Integer.toString(defaultPort)));
        String bind = settings.get("passerelle.demo-sp.bind-address", "127.0.0.1");
        String clientId = settings.get("passerelle.demo-sp.client-id", "demo-sp");
        PasserelleClient passerelle = new PasserelleClient(issuer, clientId,
                settings.get("passerelle.demo-sp.client-secret", "demo-sp-secret"),
                URI.create(spUrl + "/callback"), URI.create(spUrl + "/logged-out"));
        DataProviderClient dataProvider = new DataProviderClient(settings.get("passerelle.dp-url", "http://localhost:8082"));

        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        DemoServiceProvider app = new DemoServiceProvider(server, executor, passerelle, dataProvider, "https".equals(sp.getScheme()),
                new DemoMailbox(settings.get("passerelle.mailbox-url", "http://127.0.0.1:8083")));
        server.createContext("/", app::handle);
        server.start();
        LOG.info(() -> "Demo service provider on " + spUrl + " (listening on " + bind + ":" + server.getAddress().getPort()
                + ", broker " + issuer + ", client " + clientId + ")");
        return app;
    }

    public static void main(String[] args) throws IOException {
        DemoServiceProvider sp = start(Settings.fromSystem());
        Runtime.getRuntime().addShutdownHook(new Thread(sp::close));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Unexpected error on " + exchange.getRequestURI().getPath(), e);
                send(exchange, 500, "text/plain; charset=utf-8", "Internal error\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        switch (route) {
            case "GET /" -> home(exchange);
            case "POST /login" -> signIn(exchange);
            case "GET /callback" -> callback(exchange);
            case "POST /data" -> fetchData(exchange);
            case "POST /logout" -> signOut(exchange);
            case "GET /logged-out" -> signedOut(exchange);
            case "GET /mailbox" -> mailboxPage(exchange);
            case "GET /mailbox/message" -> mailboxMessage(exchange);
            case "GET /style.css" -> send(exchange, 200, "text/css; charset=utf-8", stylesheet);
            case "GET /health" -> send(exchange, 200, "text/plain; charset=utf-8", "ok\n".getBytes(StandardCharsets.UTF_8));
            default -> send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Language language = language(exchange);
        Session session = session(exchange).orElseGet(() -> newSession(exchange));
        Pages pages = new Pages(language);
        String page = session.person()
                .map(person -> pages.signedIn(person, session.data(), session.formToken()))
                .orElseGet(() -> pages.home(session.formToken(), session.takeNotice()));
        html(exchange, 200, page);
    }

    private void signIn(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = form(exchange);
        Optional<Session> session = session(exchange).filter(s -> s.formToken().equals(first(form, "form_token")));
        Language language = language(exchange);
        if (session.isEmpty()) {
            html(exchange, 400, new Pages(language).signInError("expired_form", "error.expiredForm"));
            return;
        }
        String level = Pages.LEVELS.contains(first(form, "level")) ? first(form, "level") : "eidas1";
        List<String> dataScopes = form.getOrDefault("data", List.of()).stream().filter(Pages.DATA_SCOPES::contains).distinct().toList();
        SignIn signIn = SignIn.start(level, dataScopes);
        try {
            URI authorization = passerelle.authorizationUrl(signIn, language);
            session.get().started(signIn);
            redirect(exchange, authorization.toString());
        } catch (BrokerUnreachable e) {
            LOG.warning(() -> "Broker unreachable: " + e.getMessage());
            html(exchange, 503, new Pages(language).signInError("broker_unreachable", "error.brokerUnreachable"));
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        Language language = language(exchange);
        Pages pages = new Pages(language);
        String callback = exchange.getRequestURI().getRawQuery();
        try {
            State state = passerelle.stateOf(callback);
            Optional<Session> session = session(exchange);
            Optional<SignIn> signIn = session.flatMap(s -> s.takeSignIn(state));
            if (signIn.isEmpty()) {
                html(exchange, 400, pages.signInError("unknown_state", "error.unknownState"));
                return;
            }
            SignedIn person = passerelle.finish(callback, signIn.get());
            session.get().signedIn(person);
            LOG.info(() -> "Signed in at " + person.claim("acr").orElse("?") + " via " + person.claim("idp").orElse("?"));
            redirect(exchange, "/");
        } catch (SignInFailed e) {
            LOG.info(() -> "Sign-in did not complete: " + e.getMessage());
            String key = switch (e.code()) {
                case "access_denied" -> "error.access_denied";
                case "acr_below_requested" -> "error.acrBelowRequested";
                case "invalid_id_token", "issuer_mismatch", "state_mismatch", "invalid_token_response" -> "error.invalidAnswer";
                default -> "error.generic";
            };
            html(exchange, 400, pages.signInError(e.code(), key));
        } catch (BrokerUnreachable e) {
            LOG.warning(() -> "Broker unreachable: " + e.getMessage());
            html(exchange, 503, pages.signInError("broker_unreachable", "error.brokerUnreachable"));
        }
    }

    private void fetchData(HttpExchange exchange) throws IOException {
        Optional<Session> session = postedSession(exchange);
        Optional<SignedIn> person = session.flatMap(Session::person);
        if (person.isPresent()) {
            session.get().data(dataProvider.fetch(person.get().accessToken()));
        }
        redirect(exchange, "/#data");
    }

    private void signOut(HttpExchange exchange) throws IOException {
        Optional<Session> session = postedSession(exchange);
        Optional<SignedIn> person = session.flatMap(Session::person);
        if (person.isEmpty()) {
            redirect(exchange, "/");
            return;
        }
        State state = new State();
        try {
            URI logout = passerelle.logoutUrl(person.get(), state, language(exchange));
            session.get().signingOut(state);
            redirect(exchange, logout.toString());
        } catch (BrokerUnreachable e) {
            html(exchange, 503, new Pages(language(exchange)).signInError("broker_unreachable", "error.brokerUnreachable"));
        }
    }

    private void signedOut(HttpExchange exchange) throws IOException {
        State state = Optional.ofNullable(query(exchange).get("state")).map(State::new).orElse(null);
        session(exchange).filter(s -> s.isLogoutAnswer(state)).ifPresent(s -> s.notice("home.loggedOut"));
        redirect(exchange, "/");
    }

    private Optional<Session> postedSession(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = form(exchange);
        return session(exchange).filter(s -> s.formToken().equals(first(form, "form_token")));
    }

    private Optional<Session> session(HttpExchange exchange) {
        return sessions.find(cookies(exchange).get(SESSION_COOKIE));
    }

    private Session newSession(HttpExchange exchange) {
        Session session = sessions.create();
        exchange.getResponseHeaders().add("Set-Cookie", cookie(SESSION_COOKIE, session.id()) + "; HttpOnly");
        return session;
    }

    private Language language(HttpExchange exchange) {
        String asked = query(exchange).get("lang");
        Language language = Language.choose(asked, cookies(exchange).get(LANGUAGE_COOKIE),
                exchange.getRequestHeaders().getFirst("Accept-Language"));
        if (asked != null && Language.of(asked).isPresent()) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie(LANGUAGE_COOKIE, language.tag()) + "; Max-Age=31536000");
        }
        return language;
    }

    private String cookie(String name, String value) {
        return name + "=" + value + "; Path=/; SameSite=Lax" + (secureCookies ? "; Secure" : "");
    }

    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
        return cookies;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery()).forEach((k, v) -> query.put(k, v.get(0)));
        return query;
    }

    private static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private void mailboxPage(HttpExchange exchange) throws IOException {
        Language language = language(exchange);
        html(exchange, 200, new Pages(language).mailbox(mailbox.listPage(mailbox.all(), new Messages(language))));
    }

    /** One received message as its HTML part, with a policy that lets its own styles and links work and nothing else. */
    private void mailboxMessage(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        var mail = mailbox.find(query.getOrDefault("user", ""), query.getOrDefault("uid", ""));
        if (mail.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        send(exchange, 200, "text/html; charset=utf-8", mail.get().html().getBytes(StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> values, String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
