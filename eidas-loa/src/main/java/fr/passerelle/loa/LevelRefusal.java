package fr.passerelle.loa;

/**
 * Why a level returned by an identity provider was refused. Each has its own code, shared by
 * events, theme messages and error responses, so operators can tell a misconfigured IdP from a
 * user who simply did not reach the level.
 */
public enum LevelRefusal {
    MISSING("loa-missing"),
    UNKNOWN("loa-unknown"),
    BELOW_REQUEST("loa-insufficient"),
    NOT_ASSERTABLE("loa-not-assertable");

    private final String code;

    LevelRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
