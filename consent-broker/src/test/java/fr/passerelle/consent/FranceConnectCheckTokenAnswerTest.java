package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FranceConnectCheckTokenAnswerTest {

    private static final CheckTokenAnswer ANSWER = new CheckTokenAnswer("demo-fc-sp", "Ville", "abc123v1", "eidas1", 100L, 160L, "jti-1",
            List.of("dgfip_rfr", "cnaf_quotient_familial"),
            Map.of("given_name", "Marie Éloïse", "family_name", "DUPONT", "birthdate", "1985-03-14", "gender", "female",
                    "birthplace", "75056", "birthcountry", "99100"));

    @Test
    void identityClaimsAreFlatAndScopeIsOneSpaceSeparatedString() {
        Map<String, Object> json = FranceConnectCheckTokenAnswer.toJson(ANSWER);
        assertEquals("dgfip_rfr cnaf_quotient_familial", json.get("scope"));
        assertEquals("DUPONT", json.get("family_name"));
        assertEquals("99100", json.get("birthcountry"));
        assertEquals(true, json.get("active"));
        assertEquals("demo-fc-sp", json.get("aud"));
        assertEquals("abc123v1", json.get("sub"));
        assertFalse(json.containsKey("identity"));
        assertFalse(json.containsKey("client_name"));
    }

    @Test
    void anIdentityFieldCannotOverrideTheTokensFacts() {
        CheckTokenAnswer hostile = new CheckTokenAnswer("sp", "SP", "sub-v1", "eidas1", 1L, 2L, "j", List.of("s"), Map.of("sub", "other", "active", false));
        Map<String, Object> json = FranceConnectCheckTokenAnswer.toJson(hostile);
        assertEquals("sub-v1", json.get("sub"));
        assertEquals(true, json.get("active"));
    }
}
