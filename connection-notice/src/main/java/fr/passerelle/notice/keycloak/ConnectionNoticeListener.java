package fr.passerelle.notice.keycloak;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.names.UserAttributes;
import fr.passerelle.notice.ConnectionCode;
import fr.passerelle.notice.ConnectionContext;
import fr.passerelle.notice.DeviceCookie;
import fr.passerelle.notice.EmailDigest;
import fr.passerelle.notice.NoticeNames;
import fr.passerelle.notice.NoticePolicy;
import fr.passerelle.trace.LevelNames;
import fr.passerelle.trace.TimeOrderedIds;

/**
 * On each successful connection to a service (event LOGIN), tells the device cookie about the identity and, when
 * the realm's policy wants a notice, queues one in the outbox, in the login's own transaction: the login does not
 * wait for SMTP, and a queued notice is as durable as the login. One notice per service per session.
 */
public class ConnectionNoticeListener implements EventListenerProvider {

    static final Logger LOG = Logger.getLogger("fr.passerelle.notice");
    /** User-session note: the address the IdP gave at the session's brokered login, for the SSO connections after it. */
    static final String SESSION_EMAIL_NOTE = "passerelle.notice-email";

    private final KeycloakSession session;

    public ConnectionNoticeListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getClientId() == null || event.getSessionId() == null
                || NoticeNames.DASHBOARD_CLIENT_ID.equals(event.getClientId())) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, event.getSessionId());
        ClientModel client = realm == null ? null : realm.getClientByClientId(event.getClientId());
        if (userSession == null || client == null) {
            return;
        }
        try {
            queue(realm, client, userSession, Instant.ofEpochMilli(event.getTime()));
        } catch (RuntimeException e) {
            // The person is signed in: a notice problem must not undo that. It is logged without personal data.
            LOG.warnf("could not queue the connection notice for client %s: %s", client.getClientId(), e.getClass().getSimpleName());
        }
    }

    private void queue(RealmModel realm, ClientModel client, UserSessionModel userSession, Instant now) {
        UserModel user = userSession.getUser();
        String identityKey = user.getFirstAttribute(UserAttributes.IDENTITY_KEY);
        ConnectionContext context = context(realm, identityKey, now);

        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // An SSO burst to one service within a session gets one notice; a re-authentication forced by a suspicious
        // context is not a burst, and gets its own.
        boolean queued = !context.suspicious() && !em.createNamedQuery("passerelleNoticeOfSessionClient", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("sessionId", userSession.getId())
                .setParameter("clientId", client.getClientId())
                .setMaxResults(1).getResultList().isEmpty();
        NoticePolicy policy = RealmSettings.policy(realm);
        if (policy == NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS && "always".equals(user.getFirstAttribute(UserAttributes.NOTICE_PREFERENCE))) {
            policy = NoticePolicy.ALWAYS;
        }
        String email = email(userSession, user);
        if (queued || !context.noticeDue(policy)) {
            LOG.debugf("no notice for client %s: already queued %s, policy %s, known device %s, suspicious %s",
                    client.getClientId(), queued, policy.code(), context.knownDevice(), context.suspicious());
            return;
        }

        NoticeEntity notice = new NoticeEntity();
        notice.setId(TimeOrderedIds.next(System.currentTimeMillis()));
        notice.setRealmId(realm.getId());
        notice.setClientId(client.getClientId());
        notice.setSessionId(userSession.getId());
        notice.setIdentityKey(identityKey);
        notice.setIdp(userSession.getNote(Details.IDENTITY_PROVIDER));
        notice.setLevel(level(realm, userSession.getAuthenticatedClientSessionByClient(client.getId())));
        notice.setLoginTime(now.toEpochMilli());
        notice.setSuspicious(context.suspicious());
        notice.setKnownDevice(context.knownDevice());
        notice.setBaseUrl(session.getContext().getUri().getBaseUri().toString());
        notice.setNextAttempt(now.toEpochMilli());
        if (email == null) {
            // Traced by the row itself: a connection that got no notice, and why.
            notice.setStatus(NoticeOutbox.NO_ADDRESS);
        } else {
            notice.setStatus(NoticeOutbox.PENDING);
            notice.setCode(ConnectionCode.random().value());
            notice.setRecipient(email);
            notice.setEmailDigest(EmailDigest.of(email));
            Locale locale = session.getContext().resolveLocale(user);
            notice.setLocale(locale == null ? null : locale.toLanguageTag());
        }
        em.persist(notice);
        LOG.debugf("notice %s queued for client %s (%s)", notice.getId(), client.getClientId(), notice.getStatus());
    }

    /** The device cookie is read, then rewritten with this identity (within the realm's limit). */
    private ConnectionContext context(RealmModel realm, String identityKey, Instant now) {
        boolean header = SuspiciousContextAuthenticator.headerSaysSuspicious(session, realm);
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        boolean flagged = authSession != null && "true".equals(authSession.getAuthNote(SuspiciousContextAuthenticator.SUSPICIOUS_NOTE));
        if (identityKey == null) {
            return new ConnectionContext(false, header || flagged, false);
        }
        DeviceCookies cookies = new DeviceCookies(session, realm);
        DeviceCookie device = cookies.read(now).orElseGet(() -> DeviceCookie.fresh(now));
        String digest = cookies.identityDigest(identityKey);
        int max = RealmSettings.deviceMaxIdentities(realm);
        boolean known = device.knows(digest);
        boolean overLimit = !known && device.full(max);
        cookies.write(device.remember(digest, max, now));
        return new ConnectionContext(known, header || flagged, overLimit);
    }

    /** The address of this session's IdP; none when the IdP gave none. */
    private static String email(UserSessionModel userSession, UserModel user) {
        String noted = userSession.getNote(SESSION_EMAIL_NOTE);
        if (noted != null) {
            return noted.isEmpty() ? null : noted;
        }
        String email = user.getEmail();
        userSession.setNote(SESSION_EMAIL_NOTE, email == null ? "" : email);
        return email == null || email.isBlank() ? null : email;
    }

    private static String level(RealmModel realm, AuthenticatedClientSessionModel clientSession) {
        String level = clientSession == null ? null : clientSession.getNote(Constants.LEVEL_OF_AUTHENTICATION);
        return level == null ? null : LevelNames.acrOfNote(level, AcrUtils.getAcrLoaMap(realm));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
