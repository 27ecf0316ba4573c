package fr.passerelle.dashboard;

import java.util.Set;

/** Whether a person may block an identity provider for their identity. */
public final class IdpBlocking {

    public enum Decision {
        ALLOWED,
        /** The IdP the current session was opened with: blocking it would lock the person out mid-session. */
        CURRENT_SESSION_IDP,
        UNKNOWN_IDP
    }

    private IdpBlocking() {
    }

    public static Decision decide(String alias, String currentSessionIdp, Set<String> realmIdps) {
        if (alias == null || !realmIdps.contains(alias)) {
            return Decision.UNKNOWN_IDP;
        }
        if (alias.equals(currentSessionIdp)) {
            return Decision.CURRENT_SESSION_IDP;
        }
        return Decision.ALLOWED;
    }
}
