package fr.passerelle.e2e;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A person's browser, played over HTTP: keeps cookies (also those Keycloak marks {@code Secure} over plain
 * http, such as {@code AUTH_SESSION_ID}), follows redirects, submits the self-posting SAML forms, and stops
 * on a page that needs the person or on a redirect back to a client.
 */
public final class Browser {

    private static final int MAX_HOPS = 25;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<StoredCookie> cookies = new ArrayList<>();
    private final List<String> clientRedirectPrefixes;
    private String acceptLanguage = "fr";
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    /** Every request this browser sent, as {@code METHOD path} (query left out), in order. */
    private final List<String> sent = new ArrayList<>();

    public Browser(String... clientRedirectPrefixes) {
        this.clientRedirectPrefixes = List.of(clientRedirectPrefixes);
    }

    public Browser language(String tag) {
        this.acceptLanguage = tag;
        return this;
    }

    /** A header sent with every request from now on, as a proxy in front of the broker would add it. */
    public Browser header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Opens a URL and follows whatever the servers do until a person must act or a client gets the answer. */
    public Page open(String url) {
        return follow(request("GET", URI.create(url), null));
    }

    /** Fills and submits a form of the current page, then follows. */
    public Page submit(Page page, String formSelector, Map<String, String> fields) {
        Element element = page.document().selectFirst(formSelector);
        if (!(element instanceof FormElement form)) {
            throw new AssertionError("No form " + formSelector + " on " + page.uri() + ":\n" + page.text());
        }
        return submit(page.uri(), form, fields);
    }

    /** Clicks a link of the current page, then follows. */
    public Page click(Page page, String linkSelector) {
        Element link = page.document().selectFirst(linkSelector);
        if (link == null) {
            throw new AssertionError("No link " + linkSelector + " on " + page.uri() + ":\n" + page.text());
        }
        return open(page.uri().resolve(link.attr("href")).toString());
    }

    /** Posts form fields to a URL, as a crafted request would, then follows. */
    public Page post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return follow(request("POST", URI.create(url), body));
    }

    /** The requests sent so far ({@code METHOD path}, no query), to count a flow's round trips. */
    public List<String> requestsSent() {
        return List.copyOf(sent);
    }

    public List<String> cookieNames() {
        return cookies.stream().map(c -> c.cookie.getName()).toList();
    }

    private Page submit(URI base, FormElement form, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        form.formData().forEach(kv -> values.put(kv.key(), kv.value()));
        values.putAll(fields);
        String body = values.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String action = form.attr("action");
        URI target = action.isEmpty() ? base : base.resolve(action);
        String method = form.attr("method").isEmpty() ? "GET" : form.attr("method").toUpperCase();
        if (method.equals("GET")) {
            return follow(request("GET", URI.create(target + (target.getQuery() == null ? "?" : "&") + body), null));
        }
        return follow(request("POST", target, body));
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                URI location = request.uri().resolve(response.headers().firstValue("Location").get());
                if (isClientRedirect(location)) {
                    return Page.redirect(location, status);
                }
                request = request("GET", location, null);
                continue;
            }
            Document document = Jsoup.parse(response.body(), request.uri().toString());
            FormElement selfPosting = samlPostBindingForm(document);
            if (selfPosting != null) {
                Map<String, String> values = new LinkedHashMap<>();
                selfPosting.formData().forEach(kv -> values.put(kv.key(), kv.value()));
                String body = values.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
                request = request("POST", request.uri().resolve(selfPosting.attr("action")), body);
                continue;
            }
            return new Page(request.uri(), status, response.body(), document);
        }
        throw new AssertionError("More than " + MAX_HOPS + " redirects from " + first.uri());
    }

    private boolean isClientRedirect(URI location) {
        String text = location.toString();
        return clientRedirectPrefixes.stream().anyMatch(text::startsWith);
    }

    private static FormElement samlPostBindingForm(Document document) {
        for (FormElement form : document.select("form").forms()) {
            if (form.selectFirst("input[name=SAMLRequest], input[name=SAMLResponse]") != null) {
                return form;
            }
        }
        return null;
    }

    private HttpRequest request(String method, URI uri, String formBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", acceptLanguage);
        extraHeaders.forEach(builder::header);
        String cookieHeader = cookieHeader(uri);
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        if (formBody != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        sent.add(request.method() + " " + request.uri().getPath());
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> store(request.uri(), header));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void store(URI uri, String header) {
        for (HttpCookie cookie : HttpCookie.parse(header)) {
            String path = cookie.getPath() == null ? defaultPath(uri) : cookie.getPath();
            cookies.removeIf(c -> c.host.equals(uri.getHost()) && c.path.equals(path) && c.cookie.getName().equals(cookie.getName()));
            if (!cookie.hasExpired() && !cookie.getValue().isEmpty()) {
                cookies.add(new StoredCookie(uri.getHost(), path, cookie));
            }
        }
    }

    private String cookieHeader(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        cookies.removeIf(c -> c.cookie.hasExpired());
        return cookies.stream()
                .filter(c -> c.host.equals(uri.getHost()) && pathMatches(path, c.path))
                .map(c -> c.cookie.getName() + "=" + c.cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        String prefix = cookiePath.endsWith("/") ? cookiePath : cookiePath + "/";
        return requestPath.startsWith(prefix) || (requestPath + "/").equals(prefix);
    }

    private static String defaultPath(URI uri) {
        String path = uri.getPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record StoredCookie(String host, String path, HttpCookie cookie) {
    }
}
