package fr.passerelle.wallet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compact JWS signed with ES256, the one algorithm the HAIP profile uses for credentials, key
 * bindings, status lists and request objects. Parsing does not verify: {@link #verifies} does.
 *
 * @param header       the protected header
 * @param payload      the payload as a JSON object
 * @param signingInput {@code base64url(header) "." base64url(payload)}, as received
 * @param signature    the raw {@code R || S} signature
 */
public record Jws(ObjectNode header, ObjectNode payload, String signingInput, byte[] signature) {

    public static final String ES256 = "ES256";
    private static final String P1363 = "SHA256withECDSAinP1363Format";

    /** @throws IllegalArgumentException when the text is not a compact JWS with JSON header and payload */
    public static Jws parse(String compact) {
        if (compact == null) {
            throw new IllegalArgumentException("no JWS");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a compact JWS has three parts");
        }
        ObjectNode header = Json.parseObject(Base64Url.decode(parts[0]));
        ObjectNode payload = Json.parseObject(Base64Url.decode(parts[1]));
        return new Jws(header, payload, parts[0] + "." + parts[1], Base64Url.decode(parts[2]));
    }

    /** True when the header says ES256, names no other critical extension, and the signature is the key's. */
    public boolean verifies(PublicKey key) {
        if (!ES256.equals(header.path("alg").asText()) || header.has("crit") || signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(P1363);
            verifier.initVerify(EcKeys.requireP256(key));
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String typ() {
        return header.path("typ").asText("");
    }

    /** Signs a header (its {@code alg} set to ES256) and payload into a compact JWS. */
    public static String sign(ObjectNode header, ObjectNode payload, PrivateKey key) {
        ObjectNode protectedHeader = header.deepCopy();
        protectedHeader.put("alg", ES256);
        String signingInput = Base64Url.encode(Json.write(protectedHeader)) + "." + Base64Url.encode(Json.write(payload));
        try {
            Signature signer = Signature.getInstance(P1363);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64Url.encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }
}
