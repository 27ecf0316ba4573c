package fr.passerelle.demo.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class PidProviderTest {

    @TempDir
    Path directory;

    private PidProvider provider() {
        DemoTrust.init(directory);
        return new PidProvider(DemoTrust.pidProvider(directory), "http://localhost:8084", Clock.systemUTC());
    }

    private static JsonNode part(String jwt, int index) throws Exception {
        return PidProvider.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    @Test
    void initKeepsWhatExistsAndWritesTheAnchorAndTheVerifierKeystore() throws Exception {
        DemoTrust.init(directory);
        String ca = Files.readString(directory.resolve("pid-ca.pem"));
        DemoTrust.init(directory);
        assertEquals(ca, Files.readString(directory.resolve("pid-ca.pem")), "a second init keeps the CA");
        assertEquals(ca, Files.readString(directory.resolve("anchors/pid-ca.pem")));
        assertTrue(Files.size(directory.resolve("verifier.p12")) > 0);
    }

    @Test
    void everyDisclosureHasItsDigestInThePidAndTheHolderKeyIsBound() throws Exception {
        List<PidProvider.HeldPid> pids = provider().issueAll();
        Set<String> countries = new HashSet<>();
        for (PidProvider.HeldPid pid : pids) {
            JsonNode header = part(pid.issuerJwt(), 0);
            JsonNode payload = part(pid.issuerJwt(), 1);
            assertEquals("dc+sd-jwt", header.path("typ").asText());
            assertEquals(2, header.path("x5c").size(), "leaf and CA");
            assertEquals("urn:eudi:pid:1", payload.path("vct").asText());
            assertEquals("EC", payload.path("cnf").path("jwk").path("kty").asText());
            assertFalse(payload.path("cnf").path("jwk").has("d"), "only the public holder key");
            Set<String> digests = new HashSet<>();
            payload.path("_sd").forEach(d -> digests.add(d.asText()));
            for (String disclosure : pid.disclosures().values()) {
                assertTrue(digests.contains(PidProvider.digest(disclosure)));
            }
            assertFalse(payload.has("family_name"), "claims are only in disclosures");
            countries.add(PidProvider.JSON.readTree(Base64.getUrlDecoder().decode(pid.disclosures().get("issuing_country"))).get(2).asText());
        }
        assertTrue(countries.size() >= 2, "demo people from two Member States");
    }

    @Test
    void statusListRevokesExactlyTheRevokedPid() throws Exception {
        PidProvider provider = provider();
        String token = provider.statusList();
        assertEquals("statuslist+jwt", part(token, 0).path("typ").asText());
        JsonNode payload = part(token, 1);
        assertEquals(provider.statusListUri(), payload.path("sub").asText());
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getUrlDecoder().decode(payload.path("status_list").path("lst").asText()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        byte[] bits = out.toByteArray();
        for (PidProvider.DemoPerson person : PidProvider.PEOPLE) {
            int bit = (bits[person.statusIndex() / 8] >> (person.statusIndex() % 8)) & 1;
            assertEquals(person.revoked() ? 1 : 0, bit, person.id());
        }
        assertEquals(1, PidProvider.PEOPLE.stream().filter(PidProvider.DemoPerson::revoked).count());
    }
}
