package fr.passerelle.names;

/** Notes the suite keeps on Keycloak's user sessions. */
public final class SessionNotes {

    /** The eIDAS level (acr) the session's login reached. */
    public static final String LEVEL = "passerelle.level";
    /** The {@code amr} values (JSON array) of the session's login. */
    public static final String AMR = "passerelle.amr";

    private SessionNotes() {
    }
}
