package fr.passerelle.notice;

/**
 * The names of the connection-notice capability that other modules, realm exports and operators use: realm
 * attributes, provider ids, the device cookie. One place, so that a rename is one edit.
 */
public final class NoticeNames {

    /** Realm attribute: when the notice is sent ({@link NoticePolicy}); default {@code always}. */
    public static final String POLICY_ATTRIBUTE = "passerelle.notice-policy";
    /** Realm attribute: where "it wasn't me" reports are mailed. No address: reports are only stored. */
    public static final String SUPPORT_EMAIL_ATTRIBUTE = "passerelle.support-email";
    /** Realm attribute: the request header the operator's edge sets on a suspicious request. */
    public static final String SUSPICIOUS_HEADER_ATTRIBUTE = "passerelle.suspicious-context-header";
    public static final String DEFAULT_SUSPICIOUS_HEADER = "X-Passerelle-Suspicious-Context";
    /** Realm attribute: in a suspicious context, the IdPs below this level are not offered. */
    public static final String SUSPICIOUS_MIN_LEVEL_ATTRIBUTE = "passerelle.suspicious-context-min-level";
    public static final String DEFAULT_SUSPICIOUS_MIN_LEVEL = "eidas2";
    /** Realm attribute: how many identities one device may know before the device is itself suspicious. */
    public static final String DEVICE_MAX_IDENTITIES_ATTRIBUTE = "passerelle.device-max-identities";
    public static final int DEFAULT_DEVICE_MAX_IDENTITIES = 3;

    /** The device cookie: signed, holds a random device id and digests of identity keys, never personal data. */
    public static final String DEVICE_COOKIE = "PASSERELLE_DEVICE";

    /** Event listener to enable per broker realm. */
    public static final String LISTENER_ID = "passerelle-connection-notice";
    /** Public realm resource: {@code /realms/{realm}/passerelle-report}. */
    public static final String REPORT_RESOURCE_ID = "passerelle-report";
    /** Admin realm resource: {@code /admin/realms/{realm}/passerelle-reports}. */
    public static final String REPORTS_ADMIN_RESOURCE_ID = "passerelle-reports";

    /** The dashboard's own client: signing in to the dashboard is not a connection to a service. */
    public static final String DASHBOARD_CLIENT_ID = "passerelle-dashboard";

    private NoticeNames() {
    }
}
