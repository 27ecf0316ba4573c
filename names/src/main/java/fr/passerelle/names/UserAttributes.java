package fr.passerelle.names;

/** Attributes the suite keeps on a person's account. */
public final class UserAttributes {

    /** The identity key (hex) of the person's pivot identity: written at login, read by traces and the dashboard. */
    public static final String IDENTITY_KEY = "passerelle.identity-key";

    /** The version of the identity-key secret the account's identity key was computed with ({@code v1}, …). */
    public static final String IDENTITY_KEY_VERSION = "passerelle.identity-key-version";

    /**
     * What the person's pairwise {@code sub}s derive from (hex; the unkeyed digest of the pivot identity): kept on the
     * account only, never in traces, events or usernames.
     */
    public static final String SUBJECT_KEY = "passerelle.subject-key";

    /** The version of the sub secret the person's {@code sub}s are issued under, fixed when the account is made. */
    public static final String SUB_VERSION = "passerelle.sub-version";

    /**
     * {@code always} when the person wants a connection notice after every connection, whatever the realm's rule;
     * absent for the realm's rule. Set from the dashboard, read by the connection notice.
     */
    public static final String NOTICE_PREFERENCE = "passerelle.notice-preference";

    private UserAttributes() {
    }
}
