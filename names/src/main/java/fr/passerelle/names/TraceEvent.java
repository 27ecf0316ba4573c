package fr.passerelle.names;

import java.util.Arrays;
import java.util.Optional;

/**
 * The business events of a federation broker. Their codes are stable public contract: they are stored in the
 * trace table, and the component that fires a Keycloak event names the business event in its
 * {@link EventDetails#EVENT} detail.
 */
public enum TraceEvent {
    AUTHORIZE("authorize"),
    IDP_SHOWN("idp_shown"),
    IDP_CHOSEN("idp_chosen"),
    IDP_RETURNED("idp_returned"),
    IDENTITY_ACCEPTED("identity_accepted"),
    IDENTITY_REFUSED("identity_refused"),
    LEVEL_INSUFFICIENT("level_insufficient"),
    CONSENT_SHOWN("consent_shown"),
    CONSENT_GIVEN("consent_given"),
    CONSENT_DECLINED("consent_declined"),
    REDIRECTED_TO_SP("redirected_to_sp"),
    SP_TOKEN("sp_token"),
    CHECKTOKEN_OK("checktoken_ok"),
    CHECKTOKEN_INVALID_TOKEN("checktoken_invalid_token"),
    CHECKTOKEN_INVALID_CLIENT("checktoken_invalid_client"),
    CHECKTOKEN_INVALID_REQUEST("checktoken_invalid_request"),
    LOGOUT("logout");

    private final String code;

    TraceEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TraceEvent> fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    /** A person reached an SP: what the dashboard lists as a connection. */
    public boolean isConnection() {
        return this == REDIRECTED_TO_SP;
    }

    /** A DP obtained data about the person: what the dashboard lists as a data exchange. */
    public boolean isDataExchange() {
        return this == CHECKTOKEN_OK;
    }
}
