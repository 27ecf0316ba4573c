package fr.passerelle.notice.keycloak;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

import fr.passerelle.notice.ConnectionCode;
import fr.passerelle.notice.NoticeNames;

/**
 * Renders an e-mail from the realm's e-mail theme (html and text templates, messages in the person's language)
 * and sends it with Keycloak's e-mail sender and the realm's SMTP settings. Works outside any HTTP request, so
 * that the outbox can send after a restart.
 */
final class NoticeMail {

    static final String NOTICE_TEMPLATE = "passerelle-connection-notice.ftl";
    static final String REPORT_TEMPLATE = "passerelle-report.ftl";
    /** Times in e-mails are French legal time: the service is French. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final KeycloakSession session;
    private final RealmModel realm;

    NoticeMail(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        session.getContext().setRealm(realm);
    }

    void sendNotice(NoticeEntity notice) throws EmailException {
        Locale locale = locale(notice.getLocale());
        Map<String, Object> attributes = connection(notice.getClientId(), notice.getIdp(), notice.getLevel(), notice.getLoginTime(), locale);
        attributes.put("code", new ConnectionCode(notice.getCode()).display());
        String realmUrl = trailingSlash(notice.getBaseUrl()) + "realms/" + realm.getName();
        attributes.put("reportUrl", realmUrl + "/" + NoticeNames.REPORT_RESOURCE_ID);
        attributes.put("dashboardUrl", realmUrl + "/passerelle-dashboard");
        send(notice.getRecipient(), locale, "passerelleNoticeSubject", NOTICE_TEMPLATE, attributes);
    }

    void sendReport(String supportAddress, ReportEntity report, NoticeEntity notice, int traceCount) throws EmailException {
        Locale locale = locale(realm.getDefaultLocale());
        Map<String, Object> attributes = connection(report.getClientId(), report.getIdp(), report.getLevel(), report.getLoginTime(), locale);
        attributes.put("reportId", report.getId());
        attributes.put("code", new ConnectionCode(notice.getCode()).display());
        attributes.put("sessionId", report.getSessionId());
        attributes.put("identityKey", report.getIdentityKey());
        attributes.put("traceCount", traceCount);
        attributes.put("traces", report.getTraces() == null ? "" : report.getTraces());
        send(supportAddress, locale, "passerelleReportSubject", REPORT_TEMPLATE, attributes);
    }

    private Map<String, Object> connection(String clientId, String idpAlias, String level, long time, Locale locale) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("serviceName", serviceName(clientId));
        attributes.put("idpName", idpName(idpAlias));
        attributes.put("level", level == null ? "-" : level);
        attributes.put("time", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(Instant.ofEpochMilli(time).atZone(ZONE)));
        return attributes;
    }

    private void send(String address, Locale locale, String subjectKey, String template, Map<String, Object> attributes) throws EmailException {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
            Properties messages = theme.getEnhancedMessages(realm, locale);
            attributes.put("locale", locale);
            attributes.put("msg", new MessageFormatterMethod(locale, messages));
            attributes.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
            FreeMarkerProvider freeMarker = session.getProvider(FreeMarkerProvider.class);
            String subject = new MessageFormat(messages.getProperty(subjectKey, subjectKey), locale)
                    .format(new Object[] {attributes.get("serviceName")});
            String text = freeMarker.processTemplate(attributes, "text/" + template, theme);
            String html = freeMarker.processTemplate(attributes, "html/" + template, theme);
            session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), address, subject, text, html);
        } catch (IOException | FreeMarkerException e) {
            throw new EmailException("could not render " + template, e);
        }
    }

    private Locale locale(String tag) {
        if (tag != null && !tag.isBlank()) {
            return Locale.forLanguageTag(tag);
        }
        String fallback = realm.getDefaultLocale();
        return fallback == null ? Locale.FRENCH : Locale.forLanguageTag(fallback);
    }

    private String serviceName(String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        String name = client == null ? null : client.getName();
        return name == null || name.isBlank() || name.startsWith("${") ? clientId : name;
    }

    private String idpName(String alias) {
        IdentityProviderModel idp = alias == null ? null : session.identityProviders().getByAlias(alias);
        if (idp == null) {
            return alias == null ? "-" : alias;
        }
        return idp.getDisplayName() == null || idp.getDisplayName().isBlank() ? alias : idp.getDisplayName();
    }

    private static String trailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
