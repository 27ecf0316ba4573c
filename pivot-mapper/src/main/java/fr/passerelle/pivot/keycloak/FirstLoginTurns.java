package fr.passerelle.pivot.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One person's first logins take turns, from the first-login step until Keycloak has added the IdP link.
 *
 * <p>The key's row lock serialises the first-login step, but Keycloak adds the IdP link in a later request
 * ({@code after-first-broker-login}): two first logins of one person that both passed the step would reach that
 * request together and race on the link (one of them ends on "already linked"). So a first login takes the person's
 * turn before the step and gives it back only in the post-broker-login flow, which Keycloak runs in the request
 * after the one that committed the link; the next first login of the same person waits for the turn, then finds the
 * account and the link in place. The turn is a cluster-wide entry of Keycloak's single-use store
 * ({@code putIfAbsent}), so every node sees it; it lapses by itself after {@link #LIFESPAN_SECONDS}, should the
 * browser holding it never come back.
 */
final class FirstLoginTurns {

    /** Authentication session note: the turn this login holds, to give back in the post-broker-login flow. */
    static final String NOTE = "passerelle.first-login-turn";
    static final long LIFESPAN_SECONDS = 10;
    private static final long MAX_WAIT_MILLIS = 20_000;
    private static final long POLL_MILLIS = 50;

    private FirstLoginTurns() {
    }

    /**
     * Waits for the person's turn and takes it. After {@link #MAX_WAIT_MILLIS} (a turn lapses sooner unless another
     * first login of the same person keeps taking it), goes on without it: the login is then no worse off than
     * without turns.
     */
    static void take(KeycloakSession session, RealmModel realm, String identityKey, AuthenticationSessionModel authSession) {
        String turn = "passerelle-first-login-turn:" + realm.getId() + ":" + identityKey;
        SingleUseObjectProvider store = session.singleUseObjects();
        long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000;
        while (!store.putIfAbsent(turn, LIFESPAN_SECONDS)) {
            if (System.nanoTime() > deadline) {
                PivotLog.LOG.warnf("First login in realm %s went on without its turn after %d ms", realm.getName(), MAX_WAIT_MILLIS);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        authSession.setAuthNote(NOTE, turn);
    }

    /** Gives back the turn this login holds, if any. */
    static void giveBack(KeycloakSession session, AuthenticationSessionModel authSession) {
        String turn = authSession.getAuthNote(NOTE);
        if (turn != null) {
            authSession.removeAuthNote(NOTE);
            session.singleUseObjects().remove(turn);
        }
    }
}
