package fr.passerelle.franceconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FranceConnectClaimsTest {

    private static final Optional<List<String>> PWD = Optional.of(List.of("pwd"));
    private static final String ASKS_AMR = "{\"id_token\":{\"amr\":{\"essential\":true}}}";

    private static Map<String, Object> pivotClaims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("given_name", "Marie Éloïse");
        claims.put("given_name_array", List.of("Marie", "Éloïse"));
        claims.put("family_name", "DUPONT");
        claims.put("preferred_username", "MARTIN");
        claims.put("birthdate", "1985-03-14");
        claims.put("gender", "female");
        claims.put("birthplace", "75056");
        claims.put("birthcountry", "99100");
        claims.put("amr", List.of("pwd"));
        claims.put("acr", "eidas1");
        claims.put("idp", "impots");
        return claims;
    }

    @Test
    void theIdTokenKeepsNoIdentityClaim() {
        Map<String, Object> claims = pivotClaims();
        FranceConnectClaims.shapeIdToken(claims, null, PWD);
        assertEquals(Map.of("acr", "eidas1", "idp", "impots"), claims);
    }

    @Test
    void amrOnlyWhenTheClaimsParameterAsksForIt() {
        Map<String, Object> asked = pivotClaims();
        FranceConnectClaims.shapeIdToken(asked, ASKS_AMR, PWD);
        assertEquals(List.of("pwd"), asked.get("amr"));

        Map<String, Object> userinfo = pivotClaims();
        FranceConnectClaims.shapeUserinfo(userinfo, List.of("openid", "identite_pivot"), null, PWD);
        assertFalse(userinfo.containsKey("amr"));

        Map<String, Object> userinfoAsked = pivotClaims();
        FranceConnectClaims.shapeUserinfo(userinfoAsked, List.of("openid"), "{\"userinfo\":{\"amr\":null}}", PWD);
        assertEquals(List.of("pwd"), userinfoAsked.get("amr"));
    }

    @Test
    void identitePivotCarriesNoPreferredUsernameButProfileDoes() {
        Map<String, Object> pivot = pivotClaims();
        FranceConnectClaims.shapeUserinfo(pivot, List.of("openid", "identite_pivot"), null, PWD);
        assertFalse(pivot.containsKey("preferred_username"));
        assertEquals("DUPONT", pivot.get("family_name"));

        Map<String, Object> profile = pivotClaims();
        FranceConnectClaims.shapeUserinfo(profile, List.of("openid", "profile"), null, PWD);
        assertEquals("MARTIN", profile.get("preferred_username"));
    }

    @Test
    void aClaimsParameterThatIsNotJsonAsksNothing() {
        assertFalse(FranceConnectClaims.asksForAmr("{not json"));
        assertTrue(FranceConnectClaims.asksForAmr(ASKS_AMR));
        assertEquals(Optional.empty(), FranceConnectClaims.parseAmr("pwd"));
        assertEquals(PWD, FranceConnectClaims.parseAmr("[\"pwd\"]"));
    }
}
