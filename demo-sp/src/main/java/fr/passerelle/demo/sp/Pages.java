package fr.passerelle.demo.sp;

import static fr.passerelle.demo.Html.escape;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.demo.sp.DataProviderClient.DataResult;

/**
 * The SP's pages, in the person's language: plain semantic HTML (landmarks, headings, labelled form
 * controls, fieldsets, live regions for results and errors), one local stylesheet, no script.
 * Values the tests and screen readers need are also in {@code data-*} attributes, raw.
 */
public final class Pages {

    public static final List<String> LEVELS = List.of("eidas1", "eidas2", "eidas3");
    public static final List<String> DATA_SCOPES = List.of("dgfip_rfr", "cnaf_quotient_familial");
    private static final List<String> IDENTITY_CLAIMS = List.of("given_name", "family_name", "preferred_username", "birthdate",
            "gender", "birthplace", "birthcountry", "person_identifier", "email");
    private static final Set<String> AMOUNTS_IN_EUROS = Set.of("revenu_fiscal_de_reference", "quotient_familial");

    private final Messages text;
    private final Locale locale;

    public Pages(Language language) {
        this.text = new Messages(language);
        this.locale = language == Language.FR ? Locale.FRANCE : Locale.UK;
    }

    /** The home page of someone not signed in: level, data, the sign-in button. */
    public String home(String formToken, Optional<String> noticeKey) {
        StringBuilder main = new StringBuilder();
        noticeKey.ifPresent(key -> main.append("<div class=\"notice\" role=\"status\" id=\"notice\">").append(escape(text.get(key))).append("</div>"));
        main.append("<h1>").append(escape(text.get("home.heading"))).append("</h1>")
                .append("<p class=\"lead\">").append(escape(text.get("home.intro"))).append("</p>")
                .append("<form method=\"post\" action=\"/login\" class=\"card\" id=\"sign-in-form\">")
                .append(hidden(formToken))
                .append("<fieldset><legend>").append(escape(text.get("home.level.legend"))).append("</legend>")
                .append("<p class=\"hint\" id=\"level-hint\">").append(escape(text.get("home.level.hint"))).append("</p>");
        for (String level : LEVELS) {
            main.append("<div class=\"choice\"><input type=\"radio\" name=\"level\" id=\"level-").append(level)
                    .append("\" value=\"").append(level).append("\" aria-describedby=\"level-hint\"")
                    .append(level.equals("eidas1") ? " checked" : "").append("><label for=\"level-").append(level).append("\">")
                    .append(escape(text.get("level." + level))).append("</label></div>");
        }
        main.append("</fieldset><fieldset><legend>").append(escape(text.get("home.data.legend"))).append("</legend>")
                .append("<p class=\"hint\" id=\"data-hint\">").append(escape(text.get("home.data.hint"))).append("</p>");
        for (String scope : DATA_SCOPES) {
            main.append("<div class=\"choice\"><input type=\"checkbox\" name=\"data\" id=\"data-").append(scope)
                    .append("\" value=\"").append(scope).append("\" aria-describedby=\"data-hint\"")
                    .append(scope.equals("dgfip_rfr") ? " checked" : "").append("><label for=\"data-").append(scope).append("\">")
                    .append(escape(text.get("scope." + scope))).append("</label></div>");
        }
        main.append("</fieldset>")
                .append("<button type=\"submit\" class=\"passerelle\" id=\"sign-in\"><span class=\"mark\" aria-hidden=\"true\">⇄</span> ")
                .append(escape(text.get("home.signIn"))).append("</button>")
                .append("</form>")
                .append("<section aria-labelledby=\"what\"><h2 id=\"what\">").append(escape(text.get("home.whatIsIt"))).append("</h2>")
                .append("<p>").append(escape(text.get("home.whatIsItText"))).append("</p></section>");
        return layout(text.get("title.home"), main.toString());
    }

    /** What the SP received about the signed-in person, the data button, the sign-out button. */
    public String signedIn(SignedIn person, Optional<DataResult> data, String formToken) {
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(escape(text.get("signedIn.heading", person.displayName()))).append("</h1>")
                .append("<p class=\"lead\">").append(escape(text.get("signedIn.intro"))).append("</p>");

        main.append("<section aria-labelledby=\"identity-heading\" class=\"card\"><h2 id=\"identity-heading\">")
                .append(escape(text.get("identity.heading"))).append("</h2><dl id=\"identity\">");
        for (String claim : IDENTITY_CLAIMS) {
            Optional<String> value = person.claim(claim);
            if (value.isEmpty() && (claim.equals("preferred_username") || claim.equals("person_identifier") || claim.equals("email"))) {
                continue;
            }
            row(main, text.get("identity." + claim), claim, value.orElse(""), value.map(v -> display(claim, v)).orElse(text.get("identity.none")));
        }
        main.append("</dl></section>");

        String requested = person.request().level();
        String achieved = person.claim("acr").orElse("");
        main.append("<section aria-labelledby=\"login-heading\" class=\"card\"><h2 id=\"login-heading\">")
                .append(escape(text.get("login.heading"))).append("</h2><dl id=\"login\">");
        row(main, text.get("login.sub"), "sub", person.claim("sub").orElse(""), person.claim("sub").orElse(""));
        row(main, text.get("login.acr"), "acr", achieved,
                (achieved.isEmpty() ? text.get("identity.none") : levelName(achieved)) + " — " + text.get("login.acr.requested", requested));
        row(main, text.get("login.amr"), "amr", String.join(" ", person.claimList("amr")),
                person.claimList("amr").isEmpty() ? text.get("identity.none") : String.join(", ", person.claimList("amr")));
        String idp = person.claim("idp").orElse("");
        row(main, text.get("login.idp"), "idp", idp, idp.isEmpty() ? text.get("identity.none") : text.find("idp." + idp).orElse(idp));
        main.append("</dl>");
        main.append("</section>");

        main.append("<section aria-labelledby=\"data-heading\" class=\"card\" id=\"data\"><h2 id=\"data-heading\">")
                .append(escape(text.get("data.heading"))).append("</h2>");
        List<String> scopes = person.dataScopes();
        if (scopes.isEmpty()) {
            main.append("<p>").append(escape(text.get("data.none"))).append("</p>");
        } else {
            main.append("<p>").append(escape(text.get("data.requested",
                    String.join(", ", scopes.stream().map(s -> text.get("scope." + s)).toList())))).append("</p>")
                    .append("<form method=\"post\" action=\"/data\">").append(hidden(formToken))
                    .append("<button type=\"submit\" id=\"fetch-data\">").append(escape(text.get("data.fetch"))).append("</button></form>");
            data.ifPresent(result -> dataResult(main, result));
        }
        main.append("</section>");

        main.append("<form method=\"post\" action=\"/logout\" class=\"sign-out\">").append(hidden(formToken))
                .append("<button type=\"submit\" id=\"sign-out\" aria-describedby=\"sign-out-hint\">").append(escape(text.get("signOut")))
                .append("</button><p class=\"hint\" id=\"sign-out-hint\">").append(escape(text.get("signOut.hint"))).append("</p></form>");
        return layout(text.get("title.signedIn"), main.toString());
    }

    /** A sign-in that did not complete: a sentence for the person, the code for the curious. */
    /** The demo mailbox, around its list of received messages. */
    public String mailbox(String list) {
        return layout(text.get("mailbox.title"), list);
    }

    public String signInError(String code, String messageKey) {
        String main = "<h1>" + escape(text.get("error.heading")) + "</h1>"
                + "<div class=\"error\" role=\"alert\" id=\"sign-in-error\" data-error=\"" + escape(code) + "\"><p>"
                + escape(text.get(messageKey)) + "</p><p class=\"code\">" + escape(text.get("error.code", code)) + "</p></div>"
                + "<p><a href=\"/\">" + escape(text.get("error.back")) + "</a></p>";
        return layout(text.get("title.error"), main);
    }

    private void dataResult(StringBuilder main, DataResult result) {
        if (result.isError()) {
            String message = text.find("data.error." + result.error()).orElse(text.get("data.error.other"));
            main.append("<div class=\"error\" role=\"alert\" id=\"data-error\" data-error=\"").append(escape(result.error())).append("\"><p>")
                    .append(escape(message)).append("</p><p class=\"code\">")
                    .append(escape(text.get("data.error.code", result.status() == 0 ? result.error() : result.status() + " " + result.error())))
                    .append("</p></div>");
            return;
        }
        main.append("<div class=\"result\" role=\"status\" id=\"data-result\"><h3>").append(escape(text.get("data.result")))
                .append("</h3><dl>");
        for (Map.Entry<String, Object> field : result.fields().entrySet()) {
            String raw = String.valueOf(field.getValue());
            main.append("<div><dt>").append(escape(text.find("data.field." + field.getKey()).orElse(field.getKey())))
                    .append("</dt><dd data-field=\"").append(escape(field.getKey())).append("\" data-value=\"").append(escape(raw)).append("\">")
                    .append(escape(displayData(field.getKey(), field.getValue()))).append("</dd></div>");
        }
        main.append("</dl></div>");
    }

    private static void row(StringBuilder out, String label, String claim, String raw, String shown) {
        out.append("<div><dt>").append(escape(label)).append("</dt><dd data-claim=\"").append(escape(claim))
                .append("\" data-value=\"").append(escape(raw)).append("\">").append(escape(shown)).append("</dd></div>");
    }

    private String display(String claim, String value) {
        return switch (claim) {
            case "birthdate" -> date(value);
            case "gender" -> text.find("gender." + value).orElse(value);
            case "birthplace" -> text.find("place." + value).map(name -> value + " (" + name + ")").orElse(value);
            case "birthcountry" -> text.find("country." + value).map(name -> value + " (" + name + ")").orElse(value);
            default -> value;
        };
    }

    private String displayData(String field, Object value) {
        if (AMOUNTS_IN_EUROS.contains(field) && value instanceof Number amount) {
            NumberFormat euros = NumberFormat.getCurrencyInstance(locale);
            euros.setCurrency(Currency.getInstance("EUR"));
            euros.setMaximumFractionDigits(0);
            return euros.format(amount);
        }
        if (field.equals("mois_de_reference")) {
            try {
                return YearMonth.parse(value.toString()).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
            } catch (DateTimeParseException e) {
                return value.toString();
            }
        }
        return String.valueOf(value);
    }

    private String date(String iso) {
        try {
            return LocalDate.parse(iso).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private String levelName(String acr) {
        return text.find("level." + acr).orElse(acr);
    }

    private static String hidden(String formToken) {
        return "<input type=\"hidden\" name=\"form_token\" value=\"" + escape(formToken) + "\">";
    }

    private String layout(String title, String main) {
        Language other = text.language() == Language.FR ? Language.EN : Language.FR;
        return "<!DOCTYPE html>\n<html lang=\"" + text.language().tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
                + "<a class=\"skip\" href=\"#main\">" + escape(text.get("skip")) + "</a>"
                + "<header class=\"site\"><div class=\"wrap\"><p class=\"brand\"><span class=\"crest\" aria-hidden=\"true\">▲</span> "
                + "<a href=\"/\">" + escape(text.get("site.name")) + "</a> <span class=\"badge\">" + escape(text.get("site.demo")) + "</span>"
                + " <span class=\"tagline\">" + escape(text.get("site.tagline")) + "</span></p>"
                + "<p class=\"language\"><a href=\"/?lang=" + other.tag() + "\" lang=\"" + other.tag() + "\" hreflang=\"" + other.tag() + "\">"
                + escape(new Messages(other).get("lang.name")) + "</a></p></div></header>"
                + "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">" + main + "</main>"
                + "<footer class=\"site\"><div class=\"wrap\"><p>" + escape(text.get("site.demoNotice"))
                + " <a id=\"demo-mailbox\" href=\"/mailbox\">" + escape(text.get("site.mailbox")) + "</a></p></div></footer>"
                + "</body></html>\n";
    }
}
