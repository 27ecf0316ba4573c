package fr.passerelle.loa.keycloak;

/** The configuration keys and session notes of the levels shell; operators see the keys in realm exports. */
public final class PasserelleKeys {

    // On an identity provider (its config map).
    public static final String IDP_LEVELS = "passerelle.levels";
    public static final String IDP_LEVEL_MAPPING = "passerelle.level-mapping";
    public static final String IDP_MINIMUM_LEVEL = "passerelle.minimum-level";
    public static final String IDP_AMR = "passerelle.amr";
    public static final String IDP_LOGO = "passerelle.logo";
    public static final String IDP_HELP = "passerelle.help";
    public static final String IDP_HIDDEN = "passerelle.hidden";
    public static final String IDP_MAINTENANCE_MESSAGE = "passerelle.maintenance-message";
    public static final String IDP_MAINTENANCE_START = "passerelle.maintenance-start";
    public static final String IDP_MAINTENANCE_END = "passerelle.maintenance-end";
    public static final String IDP_EU_CITIZEN = "passerelle.eu-citizen";

    // On a client (SP) attribute.
    public static final String CLIENT_IDP_ALLOW = "passerelle.idp-allow";
    public static final String CLIENT_IDP_DENY = "passerelle.idp-deny";
    /** The lowest level the SP accepts: a request for less is raised to it. */
    public static final String CLIENT_MINIMUM_LEVEL = "passerelle.minimum-level";

    // On a client attribute, or a realm attribute for the platform default.
    public static final String DEFAULT_LEVEL = "passerelle.default-level";
    // On the realm.
    public static final String SSO_CEILING = "passerelle.sso-ceiling";

    // User session notes.
    public static final String SESSION_LEVEL_NOTE = "passerelle.level";
    public static final String AMR_NOTE = "passerelle.amr";

    // Authentication session notes.
    static final String REFUSAL_NOTE = "passerelle.refusal";
    static final String SAML_REQUESTED_CLASS_REF_NOTE = "passerelle.saml-requested-class-ref";

    // The OIDC IdP forwards a client note of this name as acr_values, ahead of the SP's own acr_values.
    static final String FORWARDED_ACR_VALUES_NOTE = "client_request_param_acr_values";

    private PasserelleKeys() {
    }
}
