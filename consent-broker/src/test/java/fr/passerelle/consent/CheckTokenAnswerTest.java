package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CheckTokenAnswerTest {

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
    void anInactiveAnswerSaysNothingElse() {
        assertEquals(Map.of("active", false), CheckTokenAnswer.INACTIVE);
    }

    @Test
    void theJwtPayloadIsAddressedToTheDataProvider() {
        Map<String, Object> payload = CheckTokenAnswer.jwtPayload("https://broker/realms/p", "demo-dp", 42, CheckTokenAnswer.INACTIVE);
        assertEquals("demo-dp", payload.get("aud"));
        assertEquals("https://broker/realms/p", payload.get("iss"));
        assertEquals(CheckTokenAnswer.INACTIVE, payload.get("token_introspection"));
    }
}
