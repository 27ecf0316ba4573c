package fr.passerelle.demo.dp;

import java.util.List;
import java.util.Map;

/** The people this data provider holds data about, looked up by pivot identity. */
public final class Registry {

    private final List<Person> people;

    public Registry(List<Person> people) {
        this.people = List.copyOf(people);
    }

    /**
     * The demo dataset (the README's demo people): Marie Dupont, Ahmed Ben Ali and Lucas Martin (fictional people,
     * demo figures); nobody else, so that "no such person" is part of the demo.
     */
    public static Registry demo() {
        return new Registry(List.of(
                new Person(new PivotIdentity("Marie Éloïse", "DUPONT", "1985-03-14", "female", "75056", "99100"), Map.of(
                        "revenu_fiscal_de_reference", 38_520, "annee_des_revenus", 2024,
                        "quotient_familial", 1_148, "mois_de_reference", "2025-12")),
                new Person(new PivotIdentity("Ahmed", "BEN ALI", "1972-00-00", "male", "", "99352"), Map.of(
                        "revenu_fiscal_de_reference", 21_760, "annee_des_revenus", 2024,
                        "quotient_familial", 612, "mois_de_reference", "2025-12")),
                new Person(new PivotIdentity("Lucas", "MARTIN", "2001-11-30", "male", "69123", "99100"), Map.of(
                        "revenu_fiscal_de_reference", 14_210, "annee_des_revenus", 2024,
                        "quotient_familial", 830, "mois_de_reference", "2025-12"))));
    }

    /** Everyone whose {@link MatchKey} is the identity's; a lookup is an answer only when exactly one matches. */
    public List<Person> find(PivotIdentity identity) {
        MatchKey wanted = MatchKey.of(identity);
        if (!wanted.isComplete()) {
            return List.of();
        }
        return people.stream().filter(p -> MatchKey.of(p.identity()).equals(wanted)).toList();
    }
}
