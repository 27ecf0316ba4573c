package fr.passerelle.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class DcqlQueryTest {

    private final DcqlQuery query = DcqlQuery.pid(List.of(DcqlQuery.PID_VCT));

    @Test
    void asksForOnePidInSdJwtVcFormat() {
        JsonNode credential = query.toJson().path("credentials").get(0);
        assertEquals(1, query.toJson().path("credentials").size());
        assertEquals("dc+sd-jwt", credential.path("format").asText());
        assertEquals("[\"urn:eudi:pid:1\"]", Json.write(credential.path("meta").path("vct_values")));
        assertEquals("[\"place_of_birth\",\"locality\"]", Json.write(credential.path("claims").get(6).path("path")));
    }

    @Test
    void asksForNothingThePivotIdentityDoesNotUse() {
        String json = Json.write(query.toJson());
        for (String unused : List.of("nationalities", "resident_address", "email", "age_over_18", "birth_family_name")) {
            assertTrue(!json.contains(unused), unused);
        }
    }

    @Test
    void richestSatisfiedClaimSetIsChosen() {
        ObjectNode claims = Json.parseObject(
                "{\"family_name\":\"A\",\"given_name\":\"B\",\"birthdate\":\"2000-01-01\",\"issuing_country\":\"FR\","
                        + "\"personal_administrative_number\":\"1\",\"place_of_birth\":{\"locality\":\"Lyon\"}}");
        assertEquals(query.claimSets().get(1), query.satisfiedSet(claims).orElseThrow());
        claims.remove("personal_administrative_number");
        assertEquals(query.claimSets().get(4), query.satisfiedSet(claims).orElseThrow());
        claims.put("issuing_country", " ");
        assertTrue(query.satisfiedSet(claims).isEmpty(), "a blank value is not an answer");
    }

    @Test
    void everyClaimSetIncludesTheClaimsEveryPivotIdentityNeeds() {
        for (List<String> set : query.claimSets()) {
            assertTrue(set.containsAll(List.of("family_name", "given_name", "birthdate", "issuing_country")), set.toString());
        }
    }
}
