package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PivotIdentityTest {

    @Test
    void marieReceivesEveryPivotClaimInAStableOrder() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("given_name", "Marie Éloïse");
        expected.put("given_name_array", List.of("Marie", "Éloïse"));
        expected.put("family_name", "DUPONT");
        expected.put("birthdate", "1985-03-14");
        expected.put("idp_birthdate", "1985-03-14");
        expected.put("gender", "female");
        expected.put("birthplace", "75056");
        expected.put("birthcountry", "99100");
        expected.put("email", "marie.dupont@example.org");

        Map<String, Object> claims = DemoPeople.french(DemoPeople.marieAtImpots()).claims();

        assertEquals(expected, claims);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(claims.keySet()));
    }

    @Test
    void ahmedsPresumedBirthdateIsAlsoHandedOverAsTheIdpSentIt() {
        Map<String, Object> claims = DemoPeople.french(DemoPeople.ahmed()).claims();

        assertEquals("1972-01-01", claims.get("birthdate"));
        assertEquals("1972-00-00", claims.get("idp_birthdate"));
        assertEquals("", claims.get("birthplace"));
        assertEquals("99352", claims.get("birthcountry"));
    }

    @Test
    void theUsageNameIsHandedOverOnlyWhenTheIdpGaveOne() {
        assertEquals("BATZ", DemoPeople.french(DemoPeople.jeanBaptiste()).claims().get("preferred_username"));
        assertFalse(DemoPeople.french(DemoPeople.lucas()).claims().containsKey("preferred_username"));
        assertFalse(DemoPeople.french(DemoPeople.lucas()).claims().containsKey("email"));
    }

    @Test
    void elenaCarriesHerPersonIdentifierAndNoInventedBirthcountry() {
        Map<String, Object> claims = DemoPeople.eidas(DemoPeople.elena()).claims();

        assertEquals("ES/FR/12345678Z", claims.get("person_identifier"));
        assertEquals("female", claims.get("gender"));
        assertEquals("Sevilla", claims.get("birthplace"));
        assertFalse(claims.containsKey("birthcountry"));
    }

    @Test
    void frenchIdentitiesCarryNoPersonIdentifier() {
        assertFalse(DemoPeople.french(DemoPeople.lucas()).claims().containsKey("person_identifier"));
    }

    @Test
    void claimsCannotBeChangedBehindTheIdentitysBack() {
        Map<String, Object> claims = DemoPeople.french(DemoPeople.lucas()).claims();

        assertThrows(UnsupportedOperationException.class, () -> claims.put("given_name", "Someone else"));
    }
}
