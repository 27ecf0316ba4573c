package fr.passerelle.trace.keycloak;

import fr.passerelle.names.TraceEvent;
import fr.passerelle.trace.TraceRecord;

/**
 * A trace waiting for the node's writer. Only the traces of token checks wait: a token check otherwise writes
 * nothing to the database, so its trace row was the one thing its transaction committed; a login commits its
 * session and account anyway, and its traces stay in its transaction.
 */
record QueuedTrace(String realmId, TraceRecord trace) {

    static boolean batched(TraceEvent event) {
        return switch (event) {
            case CHECKTOKEN_OK, CHECKTOKEN_INVALID_TOKEN, CHECKTOKEN_INVALID_CLIENT, CHECKTOKEN_INVALID_REQUEST -> true;
            default -> false;
        };
    }
}
