package fr.passerelle.pivot;

/**
 * Names that cross modules: the identity-integrity part of the suite writes them, the traces read them.
 * Kept together here, the one place to change them, until they join the other cross-module names.
 */
public final class CrossModuleNames {

    /** The account attribute holding the person's identity key. */
    public static final String IDENTITY_KEY_ATTRIBUTE = "passerelle.identity-key";

    /** Keycloak event detail naming the business event (trace) an event stands for. */
    public static final String TRACE_EVENT_DETAIL = "passerelle.event";
    /** Keycloak event detail carrying the reason of a trace. */
    public static final String TRACE_REASON_DETAIL = "passerelle.reason";

    /** Trace: an IdP link moved (a stale link replaced, or a link that follows the identity to another account). */
    public static final String IDP_RELINKED = "idp_relinked";
    /** Reason of {@link #IDP_RELINKED}: the IdP re-issued the person's account under a new upstream subject. */
    public static final String RELINK_UPSTREAM_SUBJECT_CHANGED = "upstream-subject-changed";
    /** Reason of {@link #IDP_RELINKED}: the IdP now asserts another identity for the same upstream subject. */
    public static final String RELINK_IDENTITY_CHANGED = "identity-changed";

    private CrossModuleNames() {
    }
}
