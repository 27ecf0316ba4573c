package fr.passerelle.wallet.keycloak;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import fr.passerelle.wallet.PendingRequest;
import fr.passerelle.wallet.RequestLookup;

/**
 * The wallet's state in Keycloak's cluster-wide single-use store, so that any node serves any step:
 * the pending request (until the wallet answers), a marker that it was answered (to tell a replay from
 * an unknown request), and the outcome waiting for the browser that started the login.
 */
final class WalletStore {

    private static final String REQUEST = "passerelle-wallet-request:";
    private static final String ANSWERED = "passerelle-wallet-answered:";
    private static final String OUTCOME = "passerelle-wallet-outcome:";

    private final SingleUseObjectProvider store;

    WalletStore(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    void putPending(PendingRequest request, long lifetimeSeconds) {
        store.put(REQUEST + request.requestId(), lifetimeSeconds, new HashMap<>(request.toNotes()));
    }

    /** The pending request, still answerable; for serving the request object. */
    Map<String, String> peek(String requestId) {
        return store.get(REQUEST + requestId);
    }

    /** Takes the pending request out for good: of two answers racing on two nodes, one gets it. */
    RequestLookup take(String requestId, long lifetimeSeconds) {
        Map<String, String> notes = store.remove(REQUEST + requestId);
        if (notes == null) {
            return store.contains(ANSWERED + requestId) ? new RequestLookup.Answered() : new RequestLookup.Unknown();
        }
        store.putIfAbsent(ANSWERED + requestId, lifetimeSeconds);
        return new RequestLookup.Pending(PendingRequest.fromNotes(notes));
    }

    void putOutcome(String requestId, Map<String, String> outcome, long lifetimeSeconds) {
        store.put(OUTCOME + requestId, lifetimeSeconds, outcome);
    }

    Map<String, String> outcome(String requestId) {
        return store.get(OUTCOME + requestId);
    }

    Map<String, String> takeOutcome(String requestId) {
        return store.remove(OUTCOME + requestId);
    }
}
