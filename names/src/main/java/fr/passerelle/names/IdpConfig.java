package fr.passerelle.names;

/** Keys an operator sets in an identity provider's configuration. */
public final class IdpConfig {

    /** The eIDAS levels the IdP can reach. */
    public static final String LEVELS = "passerelle.levels";
    /** How the IdP's own level values map to eIDAS levels. */
    public static final String LEVEL_MAPPING = "passerelle.level-mapping";
    /** The lowest level accepted from this IdP. */
    public static final String MINIMUM_LEVEL = "passerelle.minimum-level";
    /** The {@code amr} values a login through this IdP carries. */
    public static final String AMR = "passerelle.amr";
    /** The logo shown on the IdP choice page. */
    public static final String LOGO = "passerelle.logo";
    /** The help text shown on the IdP choice page. */
    public static final String HELP = "passerelle.help";
    /** Hidden from the choice page (still reachable with a hint). */
    public static final String HIDDEN = "passerelle.hidden";
    /** Set while the IdP is under maintenance: shown, not selectable. */
    public static final String MAINTENANCE_MESSAGE = "passerelle.maintenance-message";
    /** The IdP serves EU citizens (eIDAS node). */
    public static final String EU_CITIZEN = "passerelle.eu-citizen";

    private IdpConfig() {
    }
}
