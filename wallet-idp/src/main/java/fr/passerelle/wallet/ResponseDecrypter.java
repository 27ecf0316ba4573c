package fr.passerelle.wallet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Opens the wallet's {@code direct_post.jwt} answer: a compact JWE with key agreement {@code ECDH-ES}
 * on P-256 (direct, no key wrapping) and content encryption A128GCM or A256GCM, addressed to the
 * ephemeral key of one request (RFC 7516, RFC 7518 §4.6).
 */
public final class ResponseDecrypter {

    public static final String ALG = "ECDH-ES";
    public static final Set<String> ENCRYPTIONS = Set.of("A128GCM", "A256GCM");
    private static final int GCM_TAG_BITS = 128;
    private static final int GCM_IV_BYTES = 12;

    private ResponseDecrypter() {
    }

    /**
     * @param expectedKid the {@code kid} given to the request's encryption key; a JWE naming another key is refused
     * @return the decrypted payload as a JSON object
     * @throws WalletRefusedException {@link WalletRefusal#MALFORMED_RESPONSE} for anything that does not decrypt
     */
    public static ObjectNode decrypt(String compact, PrivateKey key, String expectedKid) throws WalletRefusedException {
        String[] parts = compact == null ? new String[0] : compact.split("\\.", -1);
        if (parts.length != 5) {
            throw malformed("not a compact JWE");
        }
        try {
            ObjectNode header = Json.parseObject(Base64Url.decode(parts[0]));
            if (!ALG.equals(header.path("alg").asText())) {
                throw malformed("key agreement other than ECDH-ES");
            }
            String enc = header.path("enc").asText();
            if (!ENCRYPTIONS.contains(enc)) {
                throw malformed("content encryption other than A128GCM or A256GCM");
            }
            if (header.has("zip") || header.has("crit")) {
                throw malformed("compression or critical extension");
            }
            if (header.has("kid") && !header.path("kid").asText().equals(expectedKid)) {
                throw malformed("addressed to another key");
            }
            if (!parts[1].isEmpty()) {
                throw malformed("ECDH-ES direct carries no encrypted key");
            }
            ECPublicKey ephemeral = EcKeys.fromJwk(header.get("epk"));
            byte[] sharedSecret = agree(key, ephemeral);
            int keyBytes = "A128GCM".equals(enc) ? 16 : 32;
            byte[] cek = concatKdf(sharedSecret, keyBytes, enc, optional(header, "apu"), optional(header, "apv"));
            byte[] iv = Base64Url.decode(parts[2]);
            byte[] ciphertext = Base64Url.decode(parts[3]);
            byte[] tag = Base64Url.decode(parts[4]);
            if (iv.length != GCM_IV_BYTES || tag.length != GCM_TAG_BITS / 8) {
                throw malformed("GCM needs a 96-bit IV and a 128-bit tag");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(GCM_TAG_BITS, iv));
            cipher.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = ByteBuffer.allocate(ciphertext.length + tag.length).put(ciphertext).put(tag).array();
            return Json.parseObject(cipher.doFinal(sealed));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WalletRefusedException(WalletRefusal.MALFORMED_RESPONSE, "the response does not decrypt", e);
        }
    }

    static byte[] agree(PrivateKey key, ECPublicKey ephemeral) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(key);
        agreement.doPhase(ephemeral, true);
        return agreement.generateSecret();
    }

    /** The single-pass Concat KDF of NIST SP 800-56A as RFC 7518 §4.6.2 parameterises it for direct agreement. */
    static byte[] concatKdf(byte[] sharedSecret, int keyBytes, String enc, byte[] apu, byte[] apv) throws GeneralSecurityException {
        ByteArrayOutputStream otherInfo = new ByteArrayOutputStream();
        lengthPrefixed(otherInfo, enc.getBytes(StandardCharsets.US_ASCII));
        lengthPrefixed(otherInfo, apu);
        lengthPrefixed(otherInfo, apv);
        otherInfo.writeBytes(ByteBuffer.allocate(4).putInt(keyBytes * 8).array());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(ByteBuffer.allocate(4).putInt(1).array());
        sha256.update(sharedSecret);
        sha256.update(otherInfo.toByteArray());
        byte[] derived = sha256.digest();
        byte[] cek = new byte[keyBytes];
        System.arraycopy(derived, 0, cek, 0, keyBytes);
        return cek;
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] optional(ObjectNode header, String name) {
        return header.hasNonNull(name) ? Base64Url.decode(header.get(name).asText()) : new byte[0];
    }

    private static WalletRefusedException malformed(String detail) {
        return new WalletRefusedException(WalletRefusal.MALFORMED_RESPONSE, detail);
    }
}
