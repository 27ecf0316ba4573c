package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CheckTokenAnswerTest {

    private static final DataScopes SCOPES = new DataScopes(Map.of("dgfip_rfr", "demo-dp", "cnaf_quotient_familial", "demo-dp",
            "other_data", "demo-dp-2"));

    @Test
    void anActiveAnswerCarriesEveryFieldOfTheSpec() {
        CheckTokenAnswer answer = new CheckTokenAnswer("demo-sp", "Ville", "abc" + "v1", "eidas2", 10, 310, "jti-1",
                List.of("dgfip_rfr"), Map.of("family_name", "DUPONT"));
        Map<String, Object> json = answer.toJson();
        assertEquals(List.of("active", "aud", "client_name", "sub", "acr", "iat", "exp", "jti", "scope", "identity"), List.copyOf(json.keySet()));
        assertEquals(true, json.get("active"));
        assertEquals(List.of("dgfip_rfr"), json.get("scope"));
    }

    @Test
    void aTokenGrantingNoneOfTheCallersScopesDisclosesNothing() {
        assertEquals(Optional.empty(), CheckTokenAnswer.disclosedScopes(SCOPES, "demo-dp", List.of("openid", "profile")));
        assertEquals(Optional.empty(), CheckTokenAnswer.disclosedScopes(SCOPES, "demo-dp-2", List.of("openid", "dgfip_rfr")));
        assertEquals(Optional.empty(), CheckTokenAnswer.disclosedScopes(SCOPES, "demo-dp", List.of()));
    }

    @Test
    void aTokenGrantingTheCallersScopesDisclosesOnlyThose() {
        assertEquals(Optional.of(List.of("dgfip_rfr")),
                CheckTokenAnswer.disclosedScopes(SCOPES, "demo-dp", List.of("openid", "dgfip_rfr", "other_data")));
    }

    @Test
    void noActiveAnswerWithoutAGrantedScope() {
        assertThrows(IllegalArgumentException.class, () -> new CheckTokenAnswer("demo-sp", "Ville", "s", "eidas1", 1, 2, "j",
                List.of(), Map.of("family_name", "DUPONT")));
    }

    @Test
    void theIdentityCarriesThePivotAndNothingMore() {
        CheckTokenAnswer answer = new CheckTokenAnswer("demo-sp", "Ville", "s", "eidas1", 1, 2, "j", List.of("dgfip_rfr"),
                Map.of("given_name", "Marie", "family_name", "DUPONT", "birthdate", "1985-03-14", "gender", "female",
                        "birthplace", "75056", "birthcountry", "99100", "preferred_username", "MARTIN", "email", "m@example.org",
                        "idp_birthdate", "1985-03-14", "given_name_array", List.of("Marie")));
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) answer.toJson().get("identity");
        assertEquals(List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry"), List.copyOf(identity.keySet()));
        assertTrue(CheckTokenAnswer.IDENTITY_CLAIMS.containsAll(identity.keySet()));
    }

    @Test
    void anInactiveAnswerSaysNothingElse() {
        assertEquals(Map.of("active", false), CheckTokenAnswer.INACTIVE);
    }

    @Test
    void theJwtPayloadIsAddressedToTheDataProviderAndCarriesItsOwnId() {
        Map<String, Object> payload = CheckTokenAnswer.jwtPayload("https://broker/realms/p", "demo-dp", 42, "answer-1", CheckTokenAnswer.INACTIVE);
        assertEquals("demo-dp", payload.get("aud"));
        assertEquals("https://broker/realms/p", payload.get("iss"));
        assertEquals("answer-1", payload.get("jti"));
        assertEquals(CheckTokenAnswer.INACTIVE, payload.get("token_introspection"));
    }
}
