package fr.passerelle.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What the browser shows: an HTML page, or a redirect back to a client with its query parameters. */
public record Page(URI uri, int status, String body, Document document) {

    static Page redirect(URI location, int status) {
        return new Page(location, status, "", Jsoup.parse("", location.toString()));
    }

    public boolean isClientRedirect() {
        return status >= 300 && status < 400;
    }

    /** Query parameters of a redirect back to a client (code, state, error...). */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The visible text, for assertions and failure messages. */
    public String text() {
        return document.body() == null ? body : document.body().text();
    }

    public boolean has(String cssSelector) {
        return document.selectFirst(cssSelector) != null;
    }
}
