package fr.passerelle.notice.keycloak;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Delivers the queued notices. Each round claims the due rows (up to {@link #BATCH}) with one conditional update
 * (only one node of a cluster wins a row; a claim lapses after {@link #CLAIM}, so a node that died mid-send does not
 * hold a row forever), then sends each one it won and marks it sent in a transaction of its own. A failed send is retried with
 * a growing delay, up to {@link #MAX_ATTEMPTS}. A crash between the SMTP hand-over and the commit is the one
 * case where a notice goes out twice; no case loses one.
 */
final class NoticeOutbox implements Runnable {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String NO_ADDRESS = "no-address";
    static final int MAX_ATTEMPTS = 8;
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final KeycloakSessionFactory factory;
    private final String node;

    NoticeOutbox(KeycloakSessionFactory factory, String node) {
        this.factory = factory;
        this.node = node;
    }

    @Override
    public void run() {
        try {
            long now = System.currentTimeMillis();
            long until = now + CLAIM.toMillis();
            for (String id : claimDue(now, until)) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> deliver(session, id, until));
            }
        } catch (RuntimeException e) {
            ConnectionNoticeListener.LOG.warnf("notice outbox round failed: %s", e.toString());
        }
    }

    /**
     * Claims the due rows in one transaction and one conditional update (a row another node claimed in the meantime
     * no longer matches it), and returns those this node won.
     */
    private List<String> claimDue(long now, long until) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            List<String> due = em(session).createNamedQuery("passerelleNoticesDue", String.class)
                    .setParameter("now", now)
                    .setMaxResults(BATCH).getResultList();
            if (due.isEmpty()) {
                return due;
            }
            em(session).createNamedQuery("passerelleNoticeClaim")
                    .setParameter("node", node)
                    .setParameter("until", until)
                    .setParameter("ids", due)
                    .setParameter("now", now)
                    .executeUpdate();
            return em(session).createNamedQuery("passerelleNoticesClaimed", String.class)
                    .setParameter("ids", due)
                    .setParameter("node", node)
                    .setParameter("until", until)
                    .getResultList();
        });
    }

    private void deliver(KeycloakSession session, String id, long until) {
        NoticeEntity notice = em(session).find(NoticeEntity.class, id);
        if (notice == null || !PENDING.equals(notice.getStatus()) || !node.equals(notice.getClaimedBy())
                || !Long.valueOf(until).equals(notice.getClaimedUntil())) {
            return;
        }
        RealmModel realm = session.realms().getRealm(notice.getRealmId());
        if (realm == null) {
            em(session).remove(notice);
            return;
        }
        try {
            new NoticeMail(session, realm).sendNotice(notice);
            notice.setStatus(SENT);
            notice.setSentAt(System.currentTimeMillis());
            notice.setRecipient(null);
            ConnectionNoticeListener.LOG.debugf("notice %s sent", id);
        } catch (EmailException | RuntimeException e) {
            int attempts = notice.getAttempts() + 1;
            notice.setAttempts(attempts);
            if (attempts >= MAX_ATTEMPTS) {
                notice.setStatus(FAILED);
                notice.setRecipient(null);
            } else {
                notice.setNextAttempt(System.currentTimeMillis() + backoff(attempts).toMillis());
            }
            ConnectionNoticeListener.LOG.warnf("notice %s not sent (attempt %d): %s", id, attempts, rootMessage(e));
        }
        notice.setClaimedBy(null);
        notice.setClaimedUntil(null);
    }

    /** 5 s, 10 s, 20 s ... capped at 30 minutes. */
    static Duration backoff(int attempts) {
        long seconds = Math.min(5L << Math.min(attempts - 1, 20), Duration.ofMinutes(30).toSeconds());
        return Duration.ofSeconds(seconds);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
