package fr.passerelle.notice.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.email.EmailException;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.passerelle.dashboard.keycloak.BlockedIdpSessions;
import fr.passerelle.dashboard.keycloak.IdpBlockStore;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.notice.ConnectionCode;
import fr.passerelle.notice.EmailDigest;
import fr.passerelle.notice.AttemptLimit;
import fr.passerelle.trace.TraceRecord;
import fr.passerelle.trace.keycloak.TraceStore;

/**
 * The public "it wasn't me" page, {@code /realms/{realm}/passerelle-report}: no login; the proof is the connection
 * code together with the address the notice went to. A right pair records a report with the connection's traces,
 * mails the realm's support address and offers to block the IdP used; a wrong pair gets one answer whatever was
 * wrong, and every attempt counts against a per-address rate limit that holds across the cluster's nodes.
 */
public class ReportResource {

    static final String TEMPLATE = "passerelle-report.ftl";
    private static final int MAX_TRACES = 200;

    /** Prefix of the single-use objects that hold the rate limit's slots. */
    static final String ATTEMPT_SLOT_PREFIX = "passerelle-report-attempt:";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AttemptLimit limit;

    ReportResource(KeycloakSession session, AttemptLimit limit) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.limit = limit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("code") String code) {
        return page("form", Map.of("code", code == null ? "" : code), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam("code") String code, @FormParam("email") String email, @FormParam("action") String action) {
        String remote = session.getContext().getConnection().getRemoteAddr();
        if (!limit.tryAcquire(this::takeSharedSlot, ATTEMPT_SLOT_PREFIX + realm.getId() + "|" + remote)) {
            return page("form", Map.of("code", ""), "passerelleReportTooMany", Response.Status.TOO_MANY_REQUESTS);
        }
        Optional<NoticeEntity> notice = ConnectionCode.parse(code)
                .flatMap(c -> em().createNamedQuery("passerelleNoticeByCode", NoticeEntity.class)
                        .setParameter("realmId", realm.getId()).setParameter("code", c.value())
                        .getResultStream().findFirst())
                .filter(n -> EmailDigest.matches(email, n.getEmailDigest()));
        if (notice.isEmpty()) {
            return page("form", Map.of("code", ""), "passerelleReportNotFound");
        }
        ReportEntity report = reportOf(notice.get());
        if ("block".equals(action)) {
            block(notice.get(), report);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", new ConnectionCode(notice.get().getCode()).display());
        view.put("email", email.trim());
        view.put("reportId", report.getId());
        view.put("idp", notice.get().getIdp() == null ? "" : notice.get().getIdp());
        view.put("idpName", idpName(notice.get().getIdp()));
        view.put("idpBlocked", report.isIdpBlocked());
        view.put("supportMailed", report.isSupportMailed());
        view.put("serviceUrl", serviceUrl(notice.get().getClientId()));
        return page("recorded", view, null);
    }

    /** Keycloak's single-use objects: shared by the cluster's nodes, taken atomically, gone when their time is up. */
    private boolean takeSharedSlot(String slot, Duration lifespan) {
        return session.singleUseObjects().putIfAbsent(slot, lifespan.toSeconds());
    }

    private ReportEntity reportOf(NoticeEntity notice) {
        Optional<ReportEntity> existing = em().createNamedQuery("passerelleReportOfNotice", ReportEntity.class)
                .setParameter("noticeId", notice.getId()).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<TraceRecord> traces = tracesOf(notice);
        ReportEntity report = new ReportEntity();
        report.setId(KeycloakModelUtils.generateId());
        report.setRealmId(realm.getId());
        report.setNoticeId(notice.getId());
        report.setCreatedAt(System.currentTimeMillis());
        report.setClientId(notice.getClientId());
        report.setIdp(notice.getIdp());
        report.setLevel(notice.getLevel());
        report.setLoginTime(notice.getLoginTime());
        report.setSessionId(notice.getSessionId());
        report.setIdentityKey(notice.getIdentityKey());
        String lines = traces.stream().map(ReportResource::line).collect(Collectors.joining("\n"));
        report.setTraces(lines.length() > 8000 ? lines.substring(0, 8000) : lines);
        Optional<String> support = RealmSettings.supportEmail(realm);
        if (support.isPresent()) {
            try {
                new NoticeMail(session, realm).sendReport(support.get(), report, notice, traces.size());
                report.setSupportMailed(true);
            } catch (EmailException | RuntimeException e) {
                // The report is stored and listed for the support team; only the e-mail is missing.
                ConnectionNoticeListener.LOG.warnf("report %s: support not mailed: %s", report.getId(), e.getClass().getSimpleName());
            }
        }
        em().persist(report);
        ConnectionNoticeListener.LOG.infof("report %s recorded for a connection to %s", report.getId(), notice.getClientId());
        return report;
    }

    /** The traces of the reported connection's session, from shortly before the login on. */
    private List<TraceRecord> tracesOf(NoticeEntity notice) {
        if (notice.getIdentityKey() == null) {
            return List.of();
        }
        Instant since = Instant.ofEpochMilli(notice.getLoginTime()).minus(Duration.ofHours(1));
        return new TraceStore(session).ofIdentity(realm, notice.getIdentityKey(), since, 5000).stream()
                .filter(t -> notice.getSessionId().equals(t.sessionId()))
                .limit(MAX_TRACES).toList();
    }

    private static String line(TraceRecord t) {
        return String.join(" ", t.time().toString(), t.event().code(), "sp=" + t.sp(), "idp=" + t.idp(),
                "level=" + t.level(), "dp=" + t.dp(), t.reason() == null ? "" : "reason=" + t.reason()).trim();
    }

    /** Blocks the IdP used for this identity and ends the identity's sessions opened through it. */
    private void block(NoticeEntity notice, ReportEntity report) {
        if (notice.getIdp() == null || notice.getIdentityKey() == null || report.isIdpBlocked()) {
            return;
        }
        new IdpBlockStore(session).block(realm, notice.getIdentityKey(), notice.getIdp());
        report.setIdpBlocked(true);
        List<UserModel> users = session.users().searchForUserByUserAttributeStream(realm,
                UserAttributes.IDENTITY_KEY, notice.getIdentityKey()).toList();
        for (UserModel user : users) {
            BlockedIdpSessions.end(session, realm, user, notice.getIdp());
        }
        ConnectionNoticeListener.LOG.infof("report %s: IdP %s blocked for the reported identity", report.getId(), notice.getIdp());
    }

    private String idpName(String alias) {
        org.keycloak.models.IdentityProviderModel idp = alias == null ? null : session.identityProviders().getByAlias(alias);
        return idp == null || idp.getDisplayName() == null || idp.getDisplayName().isBlank() ? (alias == null ? "" : alias) : idp.getDisplayName();
    }

    /** The way back to the reported service: its home page as registered with the broker, if any. */
    private String serviceUrl(String clientId) {
        org.keycloak.models.ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null) {
            return "";
        }
        String url = client.getBaseUrl() != null && !client.getBaseUrl().isBlank() ? client.getBaseUrl() : client.getRootUrl();
        return url == null || !(url.startsWith("https://") || url.startsWith("http://")) ? "" : url;
    }

    private Response page(String step, Map<String, ?> view, String errorKey) {
        return page(step, view, errorKey, Response.Status.OK);
    }

    private Response page(String step, Map<String, ?> view, String errorKey, Response.Status status) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class)
                .setAttribute("passerelleReportStep", step)
                .setAttribute("passerelleReport", view)
                .setAttribute("passerelleReportAction", session.getContext().getUri().getRequestUri().getPath());
        if (errorKey != null) {
            form.setError(errorKey);
        }
        form.setStatus(status);
        return form.createForm(TEMPLATE);
    }

    private EntityManager em() {
        return NoticeOutbox.em(session);
    }
}
