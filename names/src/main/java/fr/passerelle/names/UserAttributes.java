package fr.passerelle.names;

/** Attributes the suite keeps on a person's account. */
public final class UserAttributes {

    /** The identity key (hex) of the person's pivot identity: written at login, read by traces and the dashboard. */
    public static final String IDENTITY_KEY = "passerelle.identity-key";

    /**
     * {@code always} when the person wants a connection notice after every connection, whatever the realm's rule;
     * absent for the realm's rule. Set from the dashboard, read by the connection notice.
     */
    public static final String NOTICE_PREFERENCE = "passerelle.notice-preference";

    private UserAttributes() {
    }
}
