package fr.passerelle.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SdJwtPresentationTest {

    private static final TestPki.Issued ISSUER = TestPki.leaf(TestPki.rootCa("Test CA"), "Test Issuer");

    private static String sign(ObjectNode payload) {
        return Jws.sign(Json.object().put("typ", "dc+sd-jwt"), payload, ISSUER.keys().getPrivate());
    }

    private static String arrayDisclosure(String value) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.add("salt-salt-salt");
        array.add(value);
        return Base64Url.encode(Json.write(array));
    }

    @Test
    void nestedObjectAndArrayElementDisclosuresArePutBackInPlace() throws Exception {
        String locality = TestPid.disclosure("locality", Json.valueToTree("Nice"));
        ObjectNode place = Json.object();
        place.put("country", "FR");
        place.putArray("_sd").add(SdJwtPresentation.digest(locality));
        String placeOfBirth = TestPid.disclosure("place_of_birth", place);
        String french = arrayDisclosure("FR");
        String italian = arrayDisclosure("IT");
        ObjectNode payload = Json.object();
        payload.putArray("_sd").add(SdJwtPresentation.digest(placeOfBirth));
        ArrayNode nationalities = payload.putArray("nationalities");
        nationalities.addObject().put("...", SdJwtPresentation.digest(french));
        nationalities.addObject().put("...", SdJwtPresentation.digest(italian));

        SdJwtPresentation presentation = SdJwtPresentation.parse(sign(payload) + "~" + placeOfBirth + "~" + locality + "~" + french + "~");
        ObjectNode claims = presentation.disclosedClaims();

        assertEquals("Nice", claims.path("place_of_birth").path("locality").asText());
        assertEquals("FR", claims.path("place_of_birth").path("country").asText());
        assertEquals("[\"FR\"]", Json.write(claims.path("nationalities")), "the withheld nationality vanishes");
        assertFalse(claims.has("_sd"));
        assertFalse(claims.path("place_of_birth").has("_sd"));
        assertNull(presentation.keyBinding());
    }

    @Test
    void disclosureCannotOverrideAPlainClaim() {
        String forged = TestPid.disclosure("vct", Json.valueToTree("urn:eudi:pid:1"));
        ObjectNode payload = Json.object();
        payload.put("vct", "urn:other");
        payload.putArray("_sd").add(SdJwtPresentation.digest(forged));
        SdJwtPresentation presentation = SdJwtPresentation.parse(sign(payload) + "~" + forged + "~");
        WalletRefusedException refused = assertThrows(WalletRefusedException.class, presentation::disclosedClaims);
        assertEquals(WalletRefusal.DISCLOSURE, refused.refusal());
    }

    @Test
    void otherDigestAlgorithmIsRefused() {
        ObjectNode payload = Json.object();
        payload.put("_sd_alg", "sha-1");
        SdJwtPresentation presentation = SdJwtPresentation.parse(sign(payload) + "~");
        assertThrows(WalletRefusedException.class, presentation::disclosedClaims);
    }

    @Test
    void aPresentationHasAtLeastTheIssuerJwtAndOneTilde() {
        assertThrows(IllegalArgumentException.class, () -> SdJwtPresentation.parse(sign(Json.object())));
        assertThrows(IllegalArgumentException.class, () -> SdJwtPresentation.parse(sign(Json.object()) + "~~"));
    }
}
