package fr.passerelle.demo.sp;

import static fr.passerelle.demo.Html.escape;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.nimbusds.jose.util.JSONArrayUtils;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The demo's mailbox: what the local SMTP server of the demo (GreenMail, through its REST API) received, so that
 * a person walking the demo can read the connection notice the broker sent and follow its "it wasn't me" link.
 * Not part of a real service provider.
 */
final class DemoMailbox {

    record Mail(String user, String uid, String subject, String html) {
    }

    private final String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DemoMailbox(String api) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }

    /** Every message of every mailbox, newest last; empty when the mail server does not answer. */
    List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (Object user : array(api + "/api/user")) {
            String email = String.valueOf(((Map<?, ?>) user).get("email"));
            for (Object message : array(api + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")) {
                Map<?, ?> m = (Map<?, ?>) message;
                mails.add(new Mail(email, String.valueOf(m.get("uid")), String.valueOf(m.get("subject")), html(String.valueOf(m.get("mimeMessage")))));
            }
        }
        return mails;
    }

    Optional<Mail> find(String user, String uid) {
        return all().stream().filter(m -> m.user().equals(user) && m.uid().equals(uid)).findFirst();
    }

    String listPage(List<Mail> mails, Messages text) {
        StringBuilder rows = new StringBuilder();
        for (Mail mail : mails) {
            rows.append("<tr><td>").append(escape(mail.user())).append("</td><td><a href=\"/mailbox/message?user=")
                    .append(escape(URLEncoder.encode(mail.user(), StandardCharsets.UTF_8))).append("&amp;uid=").append(escape(mail.uid()))
                    .append("\">").append(escape(mail.subject())).append("</a></td></tr>");
        }
        return "<h1>" + escape(text.get("mailbox.title")) + "</h1><p>" + escape(text.get("mailbox.intro")) + "</p>"
                + (mails.isEmpty() ? "<p id=\"mailbox-empty\">" + escape(text.get("mailbox.empty")) + "</p>"
                : "<table id=\"mailbox\"><thead><tr><th scope=\"col\">" + escape(text.get("mailbox.to")) + "</th><th scope=\"col\">"
                + escape(text.get("mailbox.subject")) + "</th></tr></thead><tbody>" + rows + "</tbody></table>");
    }

    private List<Object> array(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSONArrayUtils.parse(response.body()) : List.of();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The HTML part of a raw MIME message (the text part, escaped, when there is none). */
    static String html(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            List<String> html = new ArrayList<>();
            List<String> text = new ArrayList<>();
            collect(message, html, text);
            return !html.isEmpty() ? html.get(0) : "<pre>" + escape(String.join("\n", text)) + "</pre>";
        } catch (MessagingException | IOException e) {
            return "<pre>" + escape(raw) + "</pre>";
        }
    }

    private static void collect(Part part, List<String> html, List<String> text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, html, text);
            }
        } else if (part.isMimeType("text/html")) {
            html.add(content.toString());
        } else if (part.isMimeType("text/plain")) {
            text.add(content.toString());
        }
    }
}
