package fr.passerelle.wallet;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Issues PIDs as a PID provider would: SD-JWT VC, every personal claim selectively disclosable. */
final class TestPid {

    static final String STATUS_URI = "https://pid-provider.test/status/1";

    final KeyPair holderKeys = EcKeys.generate();
    final Map<String, JsonNode> claims = new LinkedHashMap<>();
    TestPki.Issued issuer;
    String typ = ResponseVerifier.SD_JWT_TYP;
    String vct = DcqlQuery.PID_VCT;
    Instant exp = Instant.now().plusSeconds(86400);
    Instant nbf = null;
    Integer statusIndex = 0;
    /** Disclosures in issue order, with the claim name each one discloses. */
    final List<Map.Entry<String, String>> disclosures = new ArrayList<>();

    TestPid(TestPki.Issued issuer) {
        this.issuer = issuer;
        claims.put("family_name", Json.valueToTree("Mustermann"));
        claims.put("given_name", Json.valueToTree("Erika"));
        claims.put("birthdate", Json.valueToTree("1964-08-12"));
        claims.put("sex", Json.valueToTree(2));
        ObjectNode place = Json.object();
        place.put("locality", "Berlin");
        place.put("country", "DE");
        claims.put("place_of_birth", place);
        claims.put("issuing_country", Json.valueToTree("DE"));
        claims.put("personal_administrative_number", Json.valueToTree("T22000129"));
    }

    /** The issued SD-JWT: {@code <jwt>~<disclosure>~...~}. */
    String issue() {
        ObjectNode payload = Json.object();
        payload.put("iss", "https://pid-provider.test");
        payload.put("vct", vct);
        payload.put("iat", Instant.now().getEpochSecond());
        payload.put("exp", exp.getEpochSecond());
        if (nbf != null) {
            payload.put("nbf", nbf.getEpochSecond());
        }
        payload.put("_sd_alg", "sha-256");
        payload.putObject("cnf").set("jwk", EcKeys.toJwk((ECPublicKey) holderKeys.getPublic()));
        if (statusIndex != null) {
            ObjectNode list = payload.putObject("status").putObject("status_list");
            list.put("idx", statusIndex);
            list.put("uri", STATUS_URI);
        }
        ArrayNode sd = payload.putArray("_sd");
        disclosures.clear();
        for (Map.Entry<String, JsonNode> claim : claims.entrySet()) {
            String disclosure = disclosure(claim.getKey(), claim.getValue());
            sd.add(SdJwtPresentation.digest(disclosure));
            disclosures.add(Map.entry(claim.getKey(), disclosure));
        }
        sd.add(SdJwtPresentation.digest(disclosure("decoy", Json.valueToTree(PendingRequest.random()))));
        ObjectNode header = Json.object();
        header.put("typ", typ);
        header.set("x5c", issuer.x5c());
        StringBuilder issued = new StringBuilder(Jws.sign(header, payload, issuer.keys().getPrivate())).append('~');
        disclosures.forEach(d -> issued.append(d.getValue()).append('~'));
        return issued.toString();
    }

    static String disclosure(String name, JsonNode value) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.add(PendingRequest.random().substring(0, 22));
        array.add(name);
        array.add(value);
        return Base64Url.encode(Json.write(array));
    }
}
