package fr.passerelle.names;

/** Attributes the suite keeps on a person's account. */
public final class UserAttributes {

    /** The identity key (hex) of the person's pivot identity: written at login, read by traces and the dashboard. */
    public static final String IDENTITY_KEY = "passerelle.identity-key";

    private UserAttributes() {
    }
}
