package fr.passerelle.wallet;

import java.util.Objects;

/** What the cluster-wide store knew of the request id a wallet answered to. */
public sealed interface RequestLookup {

    /** Still waiting for its answer; the store has now given it out for the last time. */
    record Pending(PendingRequest request) implements RequestLookup {
        public Pending {
            Objects.requireNonNull(request, "request");
        }
    }

    /** Answered once already: a second answer is a replay. */
    record Answered() implements RequestLookup {
    }

    /** Never issued, or expired. */
    record Unknown() implements RequestLookup {
    }
}
