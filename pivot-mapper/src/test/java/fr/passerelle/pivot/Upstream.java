package fr.passerelle.pivot;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Upstream claims as a test writes them: one field at a time, each change a new instance. */
final class Upstream implements UpstreamClaims {

    private final Map<PivotField, List<String>> values;

    private Upstream(Map<PivotField, List<String>> values) {
        this.values = values;
    }

    static Upstream none() {
        return new Upstream(new EnumMap<>(PivotField.class));
    }

    Upstream with(PivotField field, String... sent) {
        Map<PivotField, List<String>> changed = copy();
        changed.put(field, List.of(sent));
        return new Upstream(changed);
    }

    Upstream without(PivotField field) {
        Map<PivotField, List<String>> changed = copy();
        changed.remove(field);
        return new Upstream(changed);
    }

    @Override
    public List<String> values(PivotField field) {
        return values.getOrDefault(field, List.of());
    }

    private Map<PivotField, List<String>> copy() {
        Map<PivotField, List<String>> copy = new EnumMap<>(PivotField.class);
        copy.putAll(values);
        return copy;
    }
}
