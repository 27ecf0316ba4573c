package fr.passerelle.pivot;

import java.util.Objects;

/** One reason to refuse an upstream identity: the rule broken and the field that broke it. */
public record Violation(PivotError error, PivotField field) {

    public Violation {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(field, "field");
    }
}
