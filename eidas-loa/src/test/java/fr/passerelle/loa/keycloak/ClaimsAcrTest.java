package fr.passerelle.loa.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClaimsAcrTest {

    @Test
    void anEssentialAcrWithValuesIsEssential() {
        ClaimsAcr acr = ClaimsAcr.parse("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"eidas3\",\"eidas2\"]}}}");
        assertEquals(List.of("eidas3", "eidas2"), acr.essential());
        assertEquals(List.of(), acr.voluntary());
    }

    @Test
    void aVoluntaryAcrWithOneValueIsVoluntary() {
        ClaimsAcr acr = ClaimsAcr.parse("{\"id_token\":{\"acr\":{\"value\":\"eidas2\"}}}");
        assertEquals(List.of(), acr.essential());
        assertEquals(List.of("eidas2"), acr.voluntary());
    }

    @Test
    void absentOrMalformedClaimsAskNothing() {
        assertEquals(ClaimsAcr.NONE, ClaimsAcr.parse(null));
        assertEquals(ClaimsAcr.NONE, ClaimsAcr.parse("{not json"));
        assertEquals(ClaimsAcr.NONE, ClaimsAcr.parse("{\"userinfo\":{\"acr\":{\"essential\":true}}}"));
        assertEquals(ClaimsAcr.NONE, ClaimsAcr.parse("{\"id_token\":{\"acr\":null}}"));
    }
}
