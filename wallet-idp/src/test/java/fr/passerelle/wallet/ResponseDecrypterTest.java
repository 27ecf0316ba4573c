package fr.passerelle.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECPrivateKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ResponseDecrypterTest {

    /** RFC 7518 Appendix C: Bob's key, Alice's ephemeral key, apu "Alice", apv "Bob", A128GCM. */
    @Test
    void concatKdfGivesTheKeyOfRfc7518AppendixC() throws Exception {
        PrivateKey bob = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(
                new BigInteger(1, Base64Url.decode("VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw")), EcKeys.P256));
        ObjectNode alice = Json.object();
        alice.put("kty", "EC");
        alice.put("crv", "P-256");
        alice.put("x", "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0");
        alice.put("y", "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps");

        byte[] z = ResponseDecrypter.agree(bob, EcKeys.fromJwk(alice));
        byte[] key = ResponseDecrypter.concatKdf(z, 16, "A128GCM", "Alice".getBytes(StandardCharsets.US_ASCII),
                "Bob".getBytes(StandardCharsets.US_ASCII));

        assertArrayEquals(Base64Url.decode("VqqN6vgjbSBcIijNcacQGg"), key);
    }

    @Test
    void ephemeralKeyOffTheCurveIsRefused() {
        PendingRequest request = PendingRequest.create("x509_hash:abc", "https://broker.test/r/", java.time.Instant.now().plusSeconds(60));
        String good = TestWallet.encrypt(Json.object().put("state", request.state()), request.encryptionJwk(), "A128GCM");
        ObjectNode header = Json.parseObject(Base64Url.decode(good.substring(0, good.indexOf('.'))));
        ((ObjectNode) header.get("epk")).put("y", Base64Url.encode(new byte[32]));
        String forged = Base64Url.encode(Json.write(header)) + good.substring(good.indexOf('.'));

        WalletRefusedException refused = assertThrows(WalletRefusedException.class,
                () -> ResponseDecrypter.decrypt(forged, request.decryptionKey(), request.kid()));
        assertEquals(WalletRefusal.MALFORMED_RESPONSE, refused.refusal());
    }

    @Test
    void onlyDirectEcdhEsWithAesGcmIsAccepted() {
        PendingRequest request = PendingRequest.create("x509_hash:abc", "https://broker.test/r/", java.time.Instant.now().plusSeconds(60));
        String good = TestWallet.encrypt(Json.object().put("state", request.state()), request.encryptionJwk(), "A256GCM");
        for (String[] change : new String[][] {{"alg", "ECDH-ES+A128KW"}, {"enc", "A128CBC-HS256"}, {"kid", "another"}, {"zip", "DEF"}}) {
            ObjectNode header = Json.parseObject(Base64Url.decode(good.substring(0, good.indexOf('.'))));
            header.put(change[0], change[1]);
            String forged = Base64Url.encode(Json.write(header)) + good.substring(good.indexOf('.'));
            WalletRefusedException refused = assertThrows(WalletRefusedException.class,
                    () -> ResponseDecrypter.decrypt(forged, request.decryptionKey(), request.kid()), change[0]);
            assertEquals(WalletRefusal.MALFORMED_RESPONSE, refused.refusal());
        }
    }

    @Test
    void tamperedCiphertextIsRefused() throws Exception {
        PendingRequest request = PendingRequest.create("x509_hash:abc", "https://broker.test/r/", java.time.Instant.now().plusSeconds(60));
        String good = TestWallet.encrypt(Json.object().put("state", request.state()), request.encryptionJwk(), "A128GCM");
        assertEquals(request.state(), ResponseDecrypter.decrypt(good, request.decryptionKey(), request.kid()).path("state").asText());

        String[] parts = good.split("\\.");
        byte[] ciphertext = Base64Url.decode(parts[3]);
        ciphertext[0] ^= 1;
        String forged = parts[0] + ".." + parts[2] + "." + Base64Url.encode(ciphertext) + "." + parts[4];
        assertThrows(WalletRefusedException.class, () -> ResponseDecrypter.decrypt(forged, request.decryptionKey(), request.kid()));
    }
}
