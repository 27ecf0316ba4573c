package fr.passerelle.dashboard.keycloak;

import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;

import fr.passerelle.dashboard.Dashboard;

/**
 * The dashboard's HTML: one self-contained page (inline style, no script, no external asset), every text
 * from the theme's messages and every value escaped.
 */
final class DashboardPage {

    record Idp(String alias, String name, boolean blocked, boolean current) {
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#161616;background:#f6f6f6;line-height:1.5}
            header,main{max-width:60rem;margin:0 auto;padding:1rem}
            header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:1rem}
            h1{font-size:1.6rem;margin:0}h2{font-size:1.25rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid #929292;padding:.5rem;text-align:left;vertical-align:top}
            th{background:#e5e5f4}caption{text-align:left;font-weight:600;padding:.25rem 0}
            a{color:#000091}a:focus,button:focus{outline:3px solid #0a76f6;outline-offset:2px}
            button{font:inherit;padding:.4rem .8rem;border:1px solid #000091;background:#000091;color:#fff;cursor:pointer}
            button.secondary{background:#fff;color:#000091}
            .status{border-left:4px solid #000091;background:#fff;padding:.75rem}
            nav ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0}
            """;

    private final DashboardResource.Messages messages;
    private final URI self;

    DashboardPage(DashboardResource.Messages messages, URI self) {
        this.messages = messages;
        this.self = self;
    }

    String loginFailed(String error, URI signIn) {
        return page("<p role=\"alert\" class=\"status\">" + msg("passerelle.dashboard.login-failed", error) + "</p>"
                + "<p><a href=\"" + esc(signIn.toString()) + "\">" + msg("passerelle.dashboard.retry") + "</a></p>", null);
    }

    String noIdentity(URI logout) {
        return page("<p class=\"status\">" + msg("passerelle.dashboard.no-identity") + "</p>", logout);
    }

    String dashboard(Dashboard dashboard, List<Idp> idps, Function<String, String> clientName,
                     BiFunction<KeycloakSession, String, String> idpName, KeycloakSession session, String csrf,
                     String status, URI logout) {
        StringBuilder body = new StringBuilder();
        if (status != null) {
            body.append("<p role=\"status\" class=\"status\" id=\"status\">").append(esc(status)).append("</p>");
        }
        body.append("<p>").append(msg("passerelle.dashboard.intro")).append("</p>");

        body.append("<h2 id=\"connections\">").append(msg("passerelle.dashboard.connections")).append("</h2>");
        if (dashboard.connections().isEmpty()) {
            body.append("<p>").append(msg("passerelle.dashboard.none")).append("</p>");
        } else {
            body.append("<table aria-labelledby=\"connections\"><thead><tr>")
                    .append(th("passerelle.dashboard.time")).append(th("passerelle.dashboard.sp"))
                    .append(th("passerelle.dashboard.idp")).append(th("passerelle.dashboard.level"))
                    .append("</tr></thead><tbody>");
            for (Dashboard.Connection c : dashboard.connections()) {
                body.append("<tr data-sp=\"").append(esc(c.sp())).append("\" data-idp=\"").append(esc(c.idp())).append("\">")
                        .append(td(messages.dates().format(c.time()))).append(td(clientName.apply(c.sp())))
                        .append(td(c.idp() == null ? null : idpName.apply(session, c.idp()))).append(td(c.level()))
                        .append("</tr>");
            }
            body.append("</tbody></table>");
        }

        body.append("<h2 id=\"exchanges\">").append(msg("passerelle.dashboard.exchanges")).append("</h2>");
        if (dashboard.exchanges().isEmpty()) {
            body.append("<p>").append(msg("passerelle.dashboard.none")).append("</p>");
        } else {
            body.append("<table aria-labelledby=\"exchanges\"><thead><tr>")
                    .append(th("passerelle.dashboard.time")).append(th("passerelle.dashboard.dp"))
                    .append(th("passerelle.dashboard.sp")).append(th("passerelle.dashboard.data"))
                    .append("</tr></thead><tbody>");
            for (Dashboard.DataExchange x : dashboard.exchanges()) {
                body.append("<tr data-dp=\"").append(esc(x.dp())).append("\">")
                        .append(td(messages.dates().format(x.time()))).append(td(clientName.apply(x.dp())))
                        .append(td(clientName.apply(x.sp()))).append(td(String.join(", ", x.scopes())))
                        .append("</tr>");
            }
            body.append("</tbody></table>");
        }

        body.append("<h2 id=\"idps\">").append(msg("passerelle.dashboard.idps")).append("</h2>")
                .append("<p>").append(msg("passerelle.dashboard.idps-help")).append("</p>")
                .append("<table aria-labelledby=\"idps\"><thead><tr>")
                .append(th("passerelle.dashboard.idp")).append(th("passerelle.dashboard.state")).append(th("passerelle.dashboard.action"))
                .append("</tr></thead><tbody>");
        for (Idp idp : idps) {
            String state = idp.blocked() ? msg("passerelle.dashboard.blocked") : msg("passerelle.dashboard.allowed");
            if (idp.current()) {
                state += " — " + msg("passerelle.dashboard.current");
            }
            body.append("<tr data-idp=\"").append(esc(idp.alias())).append("\">").append(td(idp.name()))
                    .append("<td>").append(state).append("</td><td>");
            if (idp.blocked()) {
                body.append(form("unblock", idp, csrf, "secondary", msg("passerelle.dashboard.unblock", idp.name())));
            } else if (!idp.current()) {
                body.append(form("block", idp, csrf, "", msg("passerelle.dashboard.block", idp.name())));
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table>");
        return page(body.toString(), logout);
    }

    private String form(String action, Idp idp, String csrf, String cssClass, String label) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"idp\" value=\"" + esc(idp.alias()) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + esc(messages.lang()) + "\">"
                + "<button type=\"submit\" class=\"" + cssClass + "\">" + label + "</button></form>";
    }

    private String page(String main, URI logout) {
        String other = messages.lang().equals("fr") ? "en" : "fr";
        String otherName = other.equals("fr") ? "Français" : "English";
        String base = self.toString().replaceAll("\\?.*$", "");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(esc(messages.lang())).append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<base href=\"").append(esc(base)).append("\">")
                .append("<title>").append(msg("passerelle.dashboard.title")).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<header><h1>").append(msg("passerelle.dashboard.title")).append("</h1>")
                .append("<nav aria-label=\"").append(msg("passerelle.dashboard.language")).append("\"><ul>")
                .append("<li><a href=\"?lang=").append(other).append("\" lang=\"").append(other).append("\" hreflang=\"").append(other)
                .append("\" id=\"switch-language\">").append(otherName).append("</a></li>");
        if (logout != null) {
            html.append("<li><a href=\"").append(esc(logout.toString())).append("\" id=\"logout\">").append(msg("passerelle.dashboard.logout")).append("</a></li>");
        }
        return html.append("</ul></nav></header><main>").append(main).append("</main></body></html>").toString();
    }

    private String th(String key) {
        return "<th scope=\"col\">" + msg(key) + "</th>";
    }

    private static String td(String value) {
        return "<td>" + esc(value == null ? "—" : value) + "</td>";
    }

    private String msg(String key, Object... args) {
        return esc(messages.get(key, args));
    }

    static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
