package fr.passerelle.demo.wallet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

/**
 * The demo PID provider: issues SD-JWT VC PIDs ({@code urn:eudi:pid:1}, one disclosure per claim) to the
 * demo people, each bound to a holder key the demo wallet keeps, and publishes the Token Status List in
 * which one PID is revoked. Everything is signed by a certificate of the demo CA ({@code x5c}).
 */
public final class PidProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VCT = "urn:eudi:pid:1";
    private static final int STATUS_LIST_SIZE = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One PID the demo wallet holds: the issued SD-JWT VC (issuer JWT and disclosures) and its holder key. */
    public record HeldPid(String id, String label, boolean revoked, String issuerJwt, Map<String, String> disclosures, ECPrivateKey holderKey) {
    }

    /** A demo person's PID claims, as the PID rulebook names them. */
    record DemoPerson(String id, String label, int statusIndex, boolean revoked, Map<String, Object> claims) {
    }

    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("anna-kowalska", "Anna KOWALSKA — Pologne (PL)", 1, false, claims(
                    "KOWALSKA", "Anna", "1990-05-17", 2, "Kraków", "PL", "PL", "90051712345")),
            new DemoPerson("luca-bianchi", "Luca BIANCHI — Italie (IT)", 2, false, claims(
                    "BIANCHI", "Luca", "1978-11-02", 1, "Roma", "IT", "IT", "BNCLCU78S02H501X")),
            new DemoPerson("luca-bianchi-old", "Luca BIANCHI — Italie (IT), ancien PID retiré par l'émetteur", 3, true, claims(
                    "BIANCHI", "Luca", "1978-11-02", 1, "Roma", "IT", "IT", "BNCLCU78S02H501X")));

    private final DemoTrust.Issuer issuer;
    private final String issuerId;
    private final String statusListUri;
    private final Clock clock;

    public PidProvider(DemoTrust.Issuer issuer, String baseUrl, Clock clock) {
        this.issuer = issuer;
        this.issuerId = baseUrl + "/pid-provider";
        this.statusListUri = baseUrl + "/status/pid";
        this.clock = clock;
    }

    public String statusListUri() {
        return statusListUri;
    }

    /** Issues every demo person's PID to a fresh holder key. */
    public List<HeldPid> issueAll() {
        List<HeldPid> pids = new ArrayList<>();
        for (DemoPerson person : PEOPLE) {
            pids.add(issue(person));
        }
        return pids;
    }

    HeldPid issue(DemoPerson person) {
        try {
            KeyPair holder = DemoTrust.generate();
            Map<String, String> disclosures = new LinkedHashMap<>();
            ArrayNode digests = JSON.createArrayNode();
            for (Map.Entry<String, Object> claim : person.claims().entrySet()) {
                ArrayNode disclosure = JSON.createArrayNode().add(salt()).add(claim.getKey());
                disclosure.add(JSON.valueToTree(claim.getValue()));
                String encoded = base64Url(JSON.writeValueAsBytes(disclosure));
                disclosures.put(claim.getKey(), encoded);
                digests.add(digest(encoded));
            }
            Instant now = clock.instant();
            ObjectNode payload = JSON.createObjectNode();
            payload.put("iss", issuerId);
            payload.put("vct", VCT);
            payload.put("iat", now.getEpochSecond());
            payload.put("exp", now.plus(Duration.ofDays(365)).getEpochSecond());
            payload.set("_sd", digests);
            payload.put("_sd_alg", "sha-256");
            payload.putObject("cnf").set("jwk", JSON.readTree(new ECKey.Builder(Curve.P_256, (ECPublicKey) holder.getPublic()).build().toJSONString()));
            payload.putObject("status").putObject("status_list").put("idx", person.statusIndex()).put("uri", statusListUri);
            String jwt = sign("dc+sd-jwt", payload);
            return new HeldPid(person.id(), person.label(), person.revoked(), jwt, disclosures, (ECPrivateKey) holder.getPrivate());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue the demo PIDs", e);
        }
    }

    /** The Token Status List ({@code statuslist+jwt}): one bit per PID, set for the revoked one. */
    public String statusList() {
        byte[] bits = new byte[STATUS_LIST_SIZE / 8];
        for (DemoPerson person : PEOPLE) {
            if (person.revoked()) {
                bits[person.statusIndex() / 8] |= (byte) (1 << (person.statusIndex() % 8));
            }
        }
        Instant now = clock.instant();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iss", issuerId);
        payload.put("sub", statusListUri);
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(Duration.ofDays(1)).getEpochSecond());
        payload.put("ttl", 300);
        payload.putObject("status_list").put("bits", 1).put("lst", base64Url(deflate(bits)));
        return sign("statuslist+jwt", payload);
    }

    private String sign(String typ, ObjectNode payload) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ))
                    .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(issuer.certificate().getEncoded()),
                            com.nimbusds.jose.util.Base64.encode(issuer.ca().getEncoded())))
                    .build();
            JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(payload)));
            jws.sign(new ECDSASigner((ECPrivateKey) issuer.key()));
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot sign as the demo PID provider", e);
        }
    }

    private static Map<String, Object> claims(String familyName, String givenName, String birthdate, int sex, String birthTown,
            String birthCountry, String issuingCountry, String administrativeNumber) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("family_name", familyName);
        claims.put("given_name", givenName);
        claims.put("birthdate", birthdate);
        claims.put("sex", sex);
        claims.put("place_of_birth", Map.of("locality", birthTown, "country", birthCountry));
        claims.put("nationalities", List.of(birthCountry));
        claims.put("issuing_country", issuingCountry);
        claims.put("issuing_authority", issuingCountry + " demo PID authority");
        claims.put("personal_administrative_number", administrativeNumber);
        return claims;
    }

    static String digest(String disclosure) {
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return base64Url(salt);
    }

    /** DEFLATE with the ZLIB header, as the status list specification asks. */
    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
