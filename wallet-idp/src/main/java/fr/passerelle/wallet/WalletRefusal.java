package fr.passerelle.wallet;

/**
 * Why a wallet presentation was refused. The codes are stable: they reach the error page, the
 * event log and the traces, and operators search for them.
 */
public enum WalletRefusal {
    /** The wallet answered with an error: the person declined, or the wallet could not answer. */
    DECLINED("wallet-declined"),
    /** No pending request has this identifier or state: never issued, expired, or another login's. */
    UNKNOWN_STATE("wallet-unknown-state"),
    /** The request was already answered once. */
    REPLAY("wallet-replay"),
    /** The response is not an encrypted response the verifier can read with the request's key. */
    MALFORMED_RESPONSE("wallet-malformed-response"),
    /** The key binding carries another nonce than the request's. */
    NONCE("wallet-nonce"),
    /** The key binding was made for another verifier. */
    AUDIENCE("wallet-audience"),
    /** The key binding is missing, not signed by the credential's holder key, stale, or not over these disclosures. */
    KEY_BINDING("wallet-key-binding"),
    /** A disclosure does not belong to the credential, or appears twice. */
    DISCLOSURE("wallet-disclosure"),
    /** The credential is past its expiry, or not valid yet. */
    EXPIRED("wallet-expired"),
    /** The credential's status is revoked or suspended. */
    REVOKED("wallet-revoked"),
    /** The credential's status list could not be fetched or trusted. */
    STATUS_UNAVAILABLE("wallet-status-unavailable"),
    /** The issuer's certificate chain does not lead to a configured PID provider anchor, or its signature is wrong. */
    UNTRUSTED_ISSUER("wallet-untrusted-issuer"),
    /** The credential is not a PID: another type or format. */
    NOT_PID("wallet-not-pid"),
    /** A claim every pivot identity needs was withheld. */
    CLAIMS_MISSING("wallet-claims-missing"),
    /** The PID carries no personal administrative number, the only stable identifier of a PID in this version. */
    NO_ADMINISTRATIVE_NUMBER("wallet-no-administrative-number"),
    /** The browser finishing the login is not the one that started it, or its response code is wrong. */
    OTHER_BROWSER("wallet-other-browser"),
    /** The server has no verifier key or no PID provider anchors configured. */
    NOT_CONFIGURED("wallet-not-configured");

    private final String code;

    WalletRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
