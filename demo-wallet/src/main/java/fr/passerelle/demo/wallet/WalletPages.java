package fr.passerelle.demo.wallet;

import static fr.passerelle.demo.Html.escape;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo wallet's pages (in French, as the demo's people use it). */
final class WalletPages {

    static final String HTML = "text/html; charset=utf-8";

    private static final Map<String, String> LABELS = Map.of(
            "family_name", "Nom", "given_name", "Prénom(s)", "birthdate", "Date de naissance", "sex", "Sexe",
            "place_of_birth", "Lieu de naissance", "issuing_country", "Pays qui a délivré le PID",
            "personal_administrative_number", "Numéro administratif personnel", "nationalities", "Nationalités",
            "issuing_authority", "Autorité émettrice");

    private static final Map<String, String> REFUSALS = Map.of(
            "wallet-revoked", "ce PID a été retiré par son émetteur.",
            "wallet-untrusted-issuer", "ce PID ne vient pas d'un émetteur reconnu par le service.",
            "wallet-expired", "ce PID a expiré.",
            "wallet-no-administrative-number", "ce PID n'a pas de numéro administratif personnel.",
            "wallet-claims-missing", "des informations demandées manquent.");

    private WalletPages() {
    }

    static String home(List<PidProvider.HeldPid> pids) {
        StringBuilder body = new StringBuilder("<h1>Mon portefeuille (démo)</h1>")
                .append("<p>Les identités (PID) que ce portefeuille détient. Pour vous en servir, choisissez "
                        + "« Portefeuille européen d'identité numérique » sur la page de connexion d'un service.</p><ul id=\"wallet-pids\">");
        for (PidProvider.HeldPid pid : pids) {
            body.append("<li>").append(escape(pid.label())).append("</li>");
        }
        return page("Mon portefeuille (démo)", body.append("</ul>").toString());
    }

    static String consent(String id, PresentationRequest request, List<PidProvider.HeldPid> pids) {
        StringBuilder body = new StringBuilder("<h1>Partager votre identité ?</h1><div id=\"wallet-request\">")
                .append("<p><strong id=\"wallet-verifier\">").append(escape(request.verifierName())).append("</strong> demande :</p><ul id=\"wallet-asked\">");
        for (List<String> claim : request.claims()) {
            body.append("<li>").append(escape(LABELS.getOrDefault(claim.get(0), String.join(".", claim)))).append("</li>");
        }
        body.append("</ul><p class=\"small\">Identifiant du service : <code>").append(escape(request.clientId())).append("</code></p></div>")
                .append("<form method=\"post\" action=\"/wallet/answer\"><input type=\"hidden\" name=\"request\" value=\"")
                .append(escape(id)).append("\"><fieldset><legend>Identité à présenter</legend>");
        boolean first = true;
        for (PidProvider.HeldPid pid : pids) {
            body.append("<label class=\"pid\"><input type=\"radio\" name=\"pid\" id=\"pid-").append(escape(pid.id())).append("\" value=\"")
                    .append(escape(pid.id())).append('"').append(first ? " checked" : "").append("> <strong>")
                    .append(escape(pid.label())).append("</strong><br><span class=\"small\">");
            List<String> shown = new java.util.ArrayList<>();
            for (String claim : WalletAnswer.sharedClaims(pid, request)) {
                shown.add(escape(LABELS.getOrDefault(claim, claim)) + " : " + escape(value(claim, pid.disclosures().get(claim))));
            }
            body.append(String.join(" · ", shown));
            body.append("</span></label>");
            first = false;
        }
        body.append("</fieldset><p><button id=\"wallet-share\" name=\"action\" value=\"share\">Partager</button> ")
                .append("<button id=\"wallet-decline\" name=\"action\" value=\"decline\" class=\"secondary\">Refuser</button></p></form>")
                .append("<p class=\"small\">Seules les informations listées sont transmises, avec une preuve que ce portefeuille détient le PID.</p>");
        return page("Partager votre identité ?", body.toString());
    }

    /** The verifier refused the answer; {@code back} is where it said to send the browser, if it did. */
    static String refused(String code, String back) {
        String why = code == null ? "" : REFUSALS.getOrDefault(code, "");
        return page("Réponse refusée", "<h1>Le service a refusé la réponse</h1><p id=\"wallet-refused\">Code : <code id=\"wallet-refusal-code\">"
                + escape(code == null ? "inconnu" : code) + "</code> " + escape(why) + "</p>"
                + (back == null ? "<p>Revenez à la page du service et recommencez.</p>"
                        : "<p><a id=\"wallet-back\" href=\"" + escape(back) + "\">Revenir au service</a>, qui affiche ce refus.</p>"));
    }

    static String problem(String message) {
        return page("Portefeuille de démo", "<h1>Impossible de répondre</h1><p id=\"wallet-problem\">" + escape(message) + "</p>");
    }

    /** A disclosure's value as the person reads it. */
    private static String value(String claim, String disclosure) {
        if (disclosure == null) {
            return "";
        }
        try {
            JsonNode value = PidProvider.JSON.readTree(Base64.getUrlDecoder().decode(disclosure)).get(2);
            if ("sex".equals(claim)) {
                return switch (value.asInt()) {
                    case 1 -> "masculin";
                    case 2 -> "féminin";
                    default -> "code " + value.asInt();
                };
            }
            if (value.isObject()) {
                return value.path("locality").asText() + " (" + value.path("country").asText() + ")";
            }
            return value.isTextual() ? value.asText() : value.toString();
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " — Portefeuille (démo)</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;color:#161616;background:#f6f6f6}"
                + "header{background:#000091;color:#fff;padding:.6rem 1rem;border-radius:.4rem;margin-bottom:1rem}"
                + "label.pid{display:block;background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.6rem;margin:.4rem 0}"
                + "button{font-size:1rem;padding:.5rem 1.2rem;border:0;border-radius:.3rem;background:#000091;color:#fff;cursor:pointer}"
                + "button.secondary{background:#fff;color:#000091;border:1px solid #000091}.small{font-size:.85rem;color:#555}"
                + "fieldset{border:0;padding:0}code{word-break:break-all}</style></head><body>"
                + "<header>Portefeuille européen d'identité numérique — <em>démo, données fictives</em></header>"
                + body + "</body></html>";
    }
}
