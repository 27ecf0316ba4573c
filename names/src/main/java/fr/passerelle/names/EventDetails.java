package fr.passerelle.names;

/**
 * Details the suite's components add to Keycloak events so that the trace listener can write what Keycloak's
 * own details do not carry. Keycloak's detail names ({@code org.keycloak.events.Details}) are used as they are.
 */
public final class EventDetails {

    /** The business event ({@link TraceEvent#code()}) a Keycloak event stands for. */
    public static final String EVENT = "passerelle.event";
    /** The SP (client id) a data provider's request was about. */
    public static final String SP = "passerelle.sp";
    /** The data provider (client id) that called checktoken. */
    public static final String DP = "passerelle.dp";
    /** The data scopes a checktoken answer covered, space-separated. */
    public static final String SCOPES = "passerelle.scopes";
    /** The eIDAS level (acr) a login reached. */
    public static final String LEVEL = "passerelle.level";
    /** Why a login or a request was refused: a stable code. */
    public static final String REASON = "passerelle.reason";

    private EventDetails() {
    }
}
