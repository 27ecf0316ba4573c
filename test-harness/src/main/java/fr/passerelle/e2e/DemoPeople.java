package fr.passerelle.e2e;

import java.util.List;

/** The demo people of the shipped IdP realms (see the README), by the IdP (broker alias) they log in with. */
public enum DemoPeople {
    MARIE_IMPOTS("impots", "marie.dupont"),
    MARIE_IDENTITE_NUMERIQUE("identite-numerique", "mdupont"),
    AHMED("impots", "ahmed.benali"),
    JEAN_BAPTISTE("impots", "jean-baptiste.dartagnan"),
    LUCAS("identite-numerique", "lucas.martin"),
    ELENA("eidas", "elena.garcia"),
    JONAS("eidas", "jonas.schmidt");

    public static final String PASSWORD = "demo";

    private final String idp;
    private final String login;

    DemoPeople(String idp, String login) {
        this.idp = idp;
        this.login = login;
    }

    public String idp() {
        return idp;
    }

    public String login() {
        return login;
    }

    public static List<DemoPeople> all() {
        return List.of(values());
    }
}
