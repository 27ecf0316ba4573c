package fr.passerelle.demo.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RegistryTest {

    private final Registry registry = Registry.demo();

    @Test
    void marieAsImpotsSpellsHerIsFound() {
        List<Person> found = registry.find(new PivotIdentity("Marie Éloïse", "DUPONT", "1985-03-14", "female", "75056", "99100"));

        assertEquals(1, found.size());
        assertEquals(38_520, found.get(0).fields().get("revenu_fiscal_de_reference"));
    }

    @Test
    void marieAsIdentiteNumeriqueSpellsHerIsTheSamePerson() {
        List<Person> found = registry.find(new PivotIdentity("MARIE ELOISE", "Dupont", "1985-03-14", "female", "75056", "99100"));

        assertEquals(1, found.size());
        assertEquals("DUPONT", found.get(0).identity().familyName());
    }

    @Test
    void hyphensApostrophesAndSpacesDoNotCount() {
        assertEquals(MatchKey.name("Marie Éloïse"), MatchKey.name("  marie-eloise "));
        assertEquals(MatchKey.name("BEN ALI"), MatchKey.name("Ben’Ali"));
    }

    @Test
    void presumedBirthdateMatchesTheDateTheBrokerHandsOut() {
        // The registry holds Ahmed's presumed date as 1972-00-00; the broker's birthdate claim reads it 1972-01-01.
        List<Person> found = registry.find(new PivotIdentity("Ahmed", "BEN ALI", "1972-01-01", "male", "", "99352"));

        assertEquals(1, found.size());
        assertEquals(612, found.get(0).fields().get("quotient_familial"));
    }

    @Test
    void birthplaceIsIgnoredForPeopleBornAbroad() {
        List<Person> found = registry.find(new PivotIdentity("Ahmed", "Ben Ali", "1972-00-00", "male", "Oran", "99352"));

        assertEquals(1, found.size());
    }

    @Test
    void anotherBirthCommuneInFranceIsAnotherPerson() {
        assertTrue(registry.find(new PivotIdentity("Lucas", "MARTIN", "2001-11-30", "male", "69381", "99100")).isEmpty());
    }

    @Test
    void anotherGenderOrBirthdateIsAnotherPerson() {
        assertTrue(registry.find(new PivotIdentity("Lucas", "MARTIN", "2001-11-30", "female", "69123", "99100")).isEmpty());
        assertTrue(registry.find(new PivotIdentity("Lucas", "MARTIN", "2001-11-29", "male", "69123", "99100")).isEmpty());
    }

    @Test
    void anEuCitizenTheRegistryDoesNotKnowIsNobody() {
        assertTrue(registry.find(new PivotIdentity("Elena", "GARCÍA LÓPEZ", "1990-07-21", "female", "Sevilla", "")).isEmpty());
    }

    @Test
    void anIdentityWithoutNamesOrBirthdateMatchesNobody() {
        Registry withBlank = new Registry(List.of(new Person(new PivotIdentity("", "", "", "", "", ""), Map.of("quotient_familial", 1))));

        assertTrue(withBlank.find(new PivotIdentity("", "", "", "", "", "")).isEmpty());
    }

    @Test
    void twoRecordsForOneIdentityAreBothReturned() {
        Registry twins = new Registry(List.of(
                new Person(new PivotIdentity("Lucas", "MARTIN", "2001-11-30", "male", "69123", "99100"), Map.of("quotient_familial", 1)),
                new Person(new PivotIdentity("LUCAS", "Martin", "2001-11-30", "male", "69123", "99100"), Map.of("quotient_familial", 2))));

        assertEquals(2, twins.find(new PivotIdentity("Lucas", "MARTIN", "2001-11-30", "male", "69123", "99100")).size());
    }
}
