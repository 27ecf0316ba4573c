package fr.passerelle.wallet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A holder answering a request: presents chosen disclosures with a key binding, encrypts the answer. */
final class TestWallet {

    private TestWallet() {
    }

    /** Everything up to the last {@code ~} of an issued SD-JWT, keeping only the disclosures given. */
    static String select(String issued, List<String> disclosuresKept) {
        StringBuilder presentation = new StringBuilder(issued.substring(0, issued.indexOf('~') + 1));
        disclosuresKept.forEach(d -> presentation.append(d).append('~'));
        return presentation.toString();
    }

    static String keyBinding(String sdHashInput, PrivateKey holderKey, String aud, String nonce, Instant iat, String typ) {
        ObjectNode header = Json.object();
        header.put("typ", typ);
        ObjectNode payload = Json.object();
        payload.put("iat", iat.getEpochSecond());
        payload.put("aud", aud);
        payload.put("nonce", nonce);
        payload.put("sd_hash", SdJwtPresentation.digest(sdHashInput));
        return Jws.sign(header, payload, holderKey);
    }

    static ObjectNode answer(String state, String presentation) {
        ObjectNode answer = Json.object();
        answer.putObject("vp_token").putArray("pid").add(presentation);
        answer.put("state", state);
        return answer;
    }

    /** ECDH-ES direct key agreement to the request's JWK, then AES-GCM. */
    static String encrypt(JsonNode payload, JsonNode recipientJwk, String enc) {
        try {
            KeyPair ephemeral = EcKeys.generate();
            ObjectNode header = Json.object();
            header.put("alg", "ECDH-ES");
            header.put("enc", enc);
            if (recipientJwk.has("kid")) {
                header.put("kid", recipientJwk.get("kid").asText());
            }
            header.set("epk", EcKeys.toJwk((ECPublicKey) ephemeral.getPublic()));
            String protectedHeader = Base64Url.encode(Json.write(header));
            byte[] z = ResponseDecrypter.agree(ephemeral.getPrivate(), EcKeys.fromJwk(recipientJwk));
            int keyBytes = "A128GCM".equals(enc) ? 16 : 32;
            byte[] cek = ResponseDecrypter.concatKdf(z, keyBytes, enc, new byte[0], new byte[0]);
            byte[] iv = new byte[12];
            new java.security.SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(protectedHeader.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(Json.write(payload).getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(sealed);
            byte[] ciphertext = new byte[sealed.length - 16];
            byte[] tag = new byte[16];
            buffer.get(ciphertext).get(tag);
            return protectedHeader + ".." + Base64Url.encode(iv) + "." + Base64Url.encode(ciphertext) + "." + Base64Url.encode(tag);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
