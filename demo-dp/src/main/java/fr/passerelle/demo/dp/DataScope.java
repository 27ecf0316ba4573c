package fr.passerelle.demo.dp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The data scopes this provider serves at the broker, each with the fields it releases. */
public enum DataScope {
    DGFIP_RFR("dgfip_rfr", List.of("revenu_fiscal_de_reference", "annee_des_revenus")),
    CNAF_QUOTIENT_FAMILIAL("cnaf_quotient_familial", List.of("quotient_familial", "mois_de_reference"));

    private final String scope;
    private final List<String> fields;

    DataScope(String scope, List<String> fields) {
        this.scope = scope;
        this.fields = fields;
    }

    /** The scope's name at the broker. */
    public String scope() {
        return scope;
    }

    public List<String> fields() {
        return fields;
    }

    public static Optional<DataScope> named(String scope) {
        return Arrays.stream(values()).filter(s -> s.scope.equals(scope)).findFirst();
    }
}
