package fr.passerelle.loa;

/** Whether an identity provider can be used for a request, and if not, why; the choice page shows it. */
public enum OptionState {
    AVAILABLE("available"),
    MAINTENANCE("idp-maintenance"),
    LEVEL_UNREACHABLE("idp-level-unreachable"),
    EXCLUDED_FOR_SP("idp-excluded-for-sp"),
    /** Not on the page at all: an alias the realm does not have, or a hidden IdP. */
    UNKNOWN("idp-unknown"),
    /** An IdP answered a login the broker had not sent to it (a browser that opened the IdP's URL itself). */
    NOT_DISPATCHED("idp-not-dispatched"),
    /** A session kept by a service (refresh-token grant) whose level is below what the service now asks at least. */
    SESSION_LEVEL_BELOW_MINIMUM("session-level-below-minimum");

    private final String code;

    OptionState(String code) {
        this.code = code;
    }

    /** The stable refusal code, in events, traces and the theme's message keys. */
    public String code() {
        return code;
    }
}
