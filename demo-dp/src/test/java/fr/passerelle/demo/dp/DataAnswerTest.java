package fr.passerelle.demo.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DataAnswerTest {

    private static final PivotIdentity MARIE = new PivotIdentity("Marie Éloïse", "DUPONT", "1985-03-14", "female", "75056", "99100");
    private static final PivotIdentity ELENA = new PivotIdentity("Elena", "GARCÍA LÓPEZ", "1990-07-21", "female", "Sevilla", "");

    private final Registry registry = Registry.demo();

    private static TokenIntrospection active(Set<String> scopes, PivotIdentity identity) {
        return new TokenIntrospection(true, "demo-sp", scopes, Optional.of(identity));
    }

    @Test
    void taxIncomeScopeReleasesTheTaxIncomeFieldsOnly() {
        DataAnswer answer = DataAnswer.decide(active(Set.of("dgfip_rfr"), MARIE), registry);

        assertEquals(200, answer.status());
        assertEquals(List.of("dgfip_rfr"), answer.body().get("scope"));
        assertEquals(Map.of("revenu_fiscal_de_reference", 38_520, "annee_des_revenus", 2024), answer.body().get("data"));
    }

    @Test
    void familyQuotientScopeReleasesTheFamilyQuotientFieldsOnly() {
        DataAnswer answer = DataAnswer.decide(active(Set.of("cnaf_quotient_familial"), MARIE), registry);

        assertEquals(Map.of("quotient_familial", 1_148, "mois_de_reference", "2025-12"), answer.body().get("data"));
    }

    @Test
    void bothScopesReleaseBothAndForeignScopesAddNothing() {
        DataAnswer answer = DataAnswer.decide(active(Set.of("cnaf_quotient_familial", "dgfip_rfr", "ants_vehicule"), MARIE), registry);

        assertEquals(200, answer.status());
        assertEquals(List.of("dgfip_rfr", "cnaf_quotient_familial"), answer.body().get("scope"));
        assertEquals(Set.of("revenu_fiscal_de_reference", "annee_des_revenus", "quotient_familial", "mois_de_reference"),
                ((Map<?, ?>) answer.body().get("data")).keySet());
    }

    @Test
    void onlyAnotherProvidersScopeIsForbidden() {
        DataAnswer answer = DataAnswer.decide(active(Set.of("ants_vehicule"), MARIE), registry);

        assertEquals(403, answer.status());
        assertEquals("insufficient_scope", answer.body().get("error"));
    }

    @Test
    void noScopeAtAllIsForbidden() {
        assertEquals(403, DataAnswer.decide(active(Set.of(), MARIE), registry).status());
    }

    @Test
    void aTokenTheBrokerDoesNotVouchForIsUnauthorized() {
        DataAnswer answer = DataAnswer.decide(TokenIntrospection.INACTIVE, registry);

        assertEquals(401, answer.status());
        assertEquals("invalid_token", answer.body().get("error"));
    }

    @Test
    void somebodyTheRegistryDoesNotKnowIsNotFound() {
        DataAnswer answer = DataAnswer.decide(active(Set.of("dgfip_rfr"), ELENA), registry);

        assertEquals(404, answer.status());
        assertEquals(DataAnswer.NO_SUCH_PERSON, answer.body().get("error"));
    }

    @Test
    void severalMatchingPeopleAreNotFoundRatherThanGuessed() {
        Registry twins = new Registry(List.of(
                new Person(MARIE, Map.of("revenu_fiscal_de_reference", 1)),
                new Person(MARIE, Map.of("revenu_fiscal_de_reference", 2))));

        DataAnswer answer = DataAnswer.decide(active(Set.of("dgfip_rfr"), MARIE), twins);

        assertEquals(404, answer.status());
        assertEquals(DataAnswer.SEVERAL_PEOPLE_MATCH, answer.body().get("error"));
    }

    @Test
    void anActiveTokenWithoutIdentityIsNobody() {
        DataAnswer answer = DataAnswer.decide(new TokenIntrospection(true, "demo-sp", Set.of("dgfip_rfr"), Optional.empty()), registry);

        assertEquals(404, answer.status());
    }

    @Test
    void checktokenScopesReadAsListOrAsSpaceSeparatedString() {
        Map<String, Object> identity = Map.of("given_name", "Lucas");
        assertEquals(Set.of("dgfip_rfr", "cnaf_quotient_familial"),
                TokenIntrospection.fromClaims(Map.of("active", true, "scope", List.of("dgfip_rfr", "cnaf_quotient_familial"), "identity", identity)).scopes());
        assertEquals(Set.of("dgfip_rfr", "cnaf_quotient_familial"),
                TokenIntrospection.fromClaims(Map.of("active", true, "scope", "dgfip_rfr cnaf_quotient_familial", "identity", identity)).scopes());
        assertEquals(TokenIntrospection.INACTIVE, TokenIntrospection.fromClaims(Map.of("active", false, "scope", "dgfip_rfr")));
    }
}
