package fr.passerelle.names;

/**
 * Names of the partner-facing protocol rules (FranceConnect's request rules, checktoken's refused calls) that
 * other parts of the suite and operators refer to: realm exports, client attributes, metrics, docs. They are
 * public contract: do not rename.
 */
public final class ProtocolNames {

    /** Client attribute naming the request profile a service provider follows. */
    public static final String CLIENT_PROFILE_ATTRIBUTE = "passerelle.profile";
    /**
     * Value of {@link #CLIENT_PROFILE_ATTRIBUTE} for a client registered as a FranceConnect client: it follows
     * FranceConnect's rules, which never send PKCE, so the realm's PKCE policy for service clients skips it.
     */
    public static final String FRANCECONNECT_PROFILE = "franceconnect";

    /** Client policy executor requiring {@code state} and {@code nonce} on every authorization request. */
    public static final String STATE_NONCE_EXECUTOR = "passerelle-state-nonce-enforcer";

    /** Micrometer counter of checktoken calls refused because the caller did not authenticate as a client. */
    public static final String CHECKTOKEN_UNAUTHENTICATED_METRIC = "passerelle.checktoken.unauthenticated";
    /** Its name in Prometheus' text format on the management interface's {@code /metrics}. */
    public static final String CHECKTOKEN_UNAUTHENTICATED_PROMETHEUS = "passerelle_checktoken_unauthenticated_total";

    private ProtocolNames() {
    }
}
