package fr.passerelle.demo.dp;

import java.util.Map;

/** Someone this data provider holds data about: how it knows them, and its data, field by field. */
public record Person(PivotIdentity identity, Map<String, Object> fields) {

    public Person {
        fields = Map.copyOf(fields);
    }
}
