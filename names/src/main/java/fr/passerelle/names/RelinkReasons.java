package fr.passerelle.names;

/** Reasons of the {@link TraceEvent#IDP_RELINKED} trace, in the {@link EventDetails#REASON} detail. */
public final class RelinkReasons {

    /** The IdP re-issued the person's account under a new upstream subject: the stale link is replaced. */
    public static final String UPSTREAM_SUBJECT_CHANGED = "upstream-subject-changed";
    /** The IdP now asserts another identity for a linked upstream subject: the link follows the identity key. */
    public static final String IDENTITY_CHANGED = "identity-changed";

    private RelinkReasons() {
    }
}
