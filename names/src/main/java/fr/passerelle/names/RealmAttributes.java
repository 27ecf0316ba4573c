package fr.passerelle.names;

/** Attributes an operator sets on the broker realm. */
public final class RealmAttributes {

    /** The level asked when neither the request nor the SP names one. */
    public static final String DEFAULT_LEVEL = ClientAttributes.DEFAULT_LEVEL;
    /** The highest level a single sign-on session can vouch for without a new login. */
    public static final String SSO_CEILING = "passerelle.sso-ceiling";
    /** How many days traces are kept. */
    public static final String TRACE_RETENTION_DAYS = "passerelle.trace-retention-days";

    private RealmAttributes() {
    }
}
