package fr.passerelle.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class RequestObjectTest {

    private static final TestPki.Issued VERIFIER = TestPki.leaf(TestPki.rootCa("Test Verifier CA"), "Test Verifier");
    private final VerifierIdentity identity = new VerifierIdentity(VERIFIER.keys().getPrivate(), VERIFIER.chain());

    @Test
    void clientIdIsTheHashOfTheVerifierCertificate() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(VERIFIER.certificate().getEncoded());
        assertEquals("x509_hash:" + Base64Url.encode(hash), identity.clientId());
    }

    @Test
    void requestObjectIsSignedByTheVerifierAndCarriesTheRequestsValues() {
        PendingRequest request = PendingRequest.create(identity.clientId(), "https://broker.test/response/", Instant.now().plusSeconds(300));
        String signed = RequestObject.sign(identity, request, DcqlQuery.pid(List.of(DcqlQuery.PID_VCT)), "wallet-nonce-1", Instant.now());

        Jws jws = Jws.parse(signed);
        assertTrue(jws.verifies(VERIFIER.certificate().getPublicKey()));
        assertEquals("oauth-authz-req+jwt", jws.typ());
        assertEquals(1, jws.header().get("x5c").size());
        ObjectNode claims = jws.payload();
        assertEquals(identity.clientId(), claims.path("client_id").asText());
        assertEquals("vp_token", claims.path("response_type").asText());
        assertEquals("direct_post.jwt", claims.path("response_mode").asText());
        assertEquals(request.responseUri(), claims.path("response_uri").asText());
        assertTrue(request.responseUri().endsWith(request.requestId()));
        assertEquals(request.nonce(), claims.path("nonce").asText());
        assertEquals(request.state(), claims.path("state").asText());
        assertEquals("wallet-nonce-1", claims.path("wallet_nonce").asText());
        ObjectNode key = (ObjectNode) claims.path("client_metadata").path("jwks").path("keys").get(0);
        assertEquals(request.kid(), key.path("kid").asText());
        assertEquals("ECDH-ES", key.path("alg").asText());
        assertFalse(key.has("d"), "the private half stays with the verifier");
        assertEquals("[\"A128GCM\",\"A256GCM\"]", Json.write(claims.path("client_metadata").path("encrypted_response_enc_values_supported")));
        assertEquals("pid", claims.path("dcql_query").path("credentials").get(0).path("id").asText());
    }

    @Test
    void everyRequestHasItsOwnKeyStateAndNonce() {
        PendingRequest a = PendingRequest.create(identity.clientId(), "https://broker.test/r/", Instant.now().plusSeconds(300));
        PendingRequest b = PendingRequest.create(identity.clientId(), "https://broker.test/r/", Instant.now().plusSeconds(300));
        assertNotEquals(a.encryptionJwk().path("x").asText(), b.encryptionJwk().path("x").asText());
        assertNotEquals(a.state(), b.state());
        assertNotEquals(a.nonce(), b.nonce());
        assertNotEquals(a.requestId(), b.requestId());
    }

    @Test
    void pendingRequestSurvivesTheTripThroughStringNotes() throws Exception {
        PendingRequest request = PendingRequest.create(identity.clientId(), "https://broker.test/r/", Instant.now().plusSeconds(300));
        Map<String, String> notes = request.toNotes();
        PendingRequest back = PendingRequest.fromNotes(notes);

        assertEquals(request.state(), back.state());
        assertEquals(request.nonce(), back.nonce());
        assertEquals(request.responseUri(), back.responseUri());
        assertEquals(request.expiresAt().getEpochSecond(), back.expiresAt().getEpochSecond());
        String response = TestWallet.encrypt(Json.object().put("state", "s"), request.encryptionJwk(), "A128GCM");
        assertEquals("s", ResponseDecrypter.decrypt(response, back.decryptionKey(), back.kid()).path("state").asText());
    }
}
