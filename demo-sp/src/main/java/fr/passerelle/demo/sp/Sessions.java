package fr.passerelle.demo.sp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.oauth2.sdk.id.State;

import fr.passerelle.demo.sp.DataProviderClient.DataResult;

/**
 * The SP's own sessions, in memory: a demo SP on one machine. Each is known by an unguessable id in an
 * {@code HttpOnly} cookie and expires after a while without use.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration IDLE = Duration.ofMinutes(30);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.lastUsed.plus(IDLE).isBefore(now));
        Session session = sessions.get(id);
        if (session != null) {
            session.lastUsed = now;
        }
        return Optional.ofNullable(session);
    }

    public Session create() {
        Session session = new Session(randomId(), randomId(), clock.instant());
        sessions.put(session.id, session);
        return session;
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One browser's state at the SP. */
    public static final class Session {
        private final String id;
        private final String formToken;
        private volatile Instant lastUsed;
        private final Map<State, SignIn> pendingSignIns = new ConcurrentHashMap<>();
        private volatile SignedIn person;
        private volatile DataResult data;
        private volatile State pendingLogout;
        private volatile String notice;

        Session(String id, String formToken, Instant created) {
            this.id = id;
            this.formToken = formToken;
            this.lastUsed = created;
        }

        public String id() {
            return id;
        }

        /** Hidden in every form of the session, so another site cannot post them on the person's behalf. */
        public String formToken() {
            return formToken;
        }

        public void started(SignIn signIn) {
            pendingSignIns.put(signIn.state(), signIn);
        }

        /** The sign-in this state belongs to; each can be finished once. */
        public Optional<SignIn> takeSignIn(State state) {
            return Optional.ofNullable(state == null ? null : pendingSignIns.remove(state));
        }

        public Optional<SignedIn> person() {
            return Optional.ofNullable(person);
        }

        public void signedIn(SignedIn person) {
            this.person = person;
            this.data = null;
            this.pendingSignIns.clear();
        }

        public Optional<DataResult> data() {
            return Optional.ofNullable(data);
        }

        public void data(DataResult data) {
            this.data = data;
        }

        /** Forgets the person at once; the broker's logout answer must then bring this state back. */
        public void signingOut(State state) {
            this.person = null;
            this.data = null;
            this.pendingLogout = state;
        }

        /** A message for the next page shown, shown once. */
        public void notice(String messageKey) {
            this.notice = messageKey;
        }

        public Optional<String> takeNotice() {
            String key = notice;
            notice = null;
            return Optional.ofNullable(key);
        }

        public boolean isLogoutAnswer(State state) {
            State expected = pendingLogout;
            if (expected != null && expected.equals(state)) {
                pendingLogout = null;
                return true;
            }
            return false;
        }
    }
}
