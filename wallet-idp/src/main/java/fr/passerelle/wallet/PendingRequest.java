package fr.passerelle.wallet;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the verifier remembers of one presentation request until the wallet answers: the values the
 * answer must echo and the private half of the request's own encryption key. It travels as string
 * notes so that a cluster-wide store can hand it to whichever node receives the answer.
 *
 * @param requestId     the random id in the response URI
 * @param state         the random {@code state} of the request
 * @param nonce         the random {@code nonce} the key binding must carry
 * @param clientId      the verifier's full client id ({@code x509_hash:...}), the key binding's audience
 * @param responseUri   where the wallet posts its answer
 * @param decryptionKey the request's ephemeral P-256 private key
 * @param kid           the id given to its public half
 * @param expiresAt     when the request stops being answerable
 */
public record PendingRequest(String requestId, String state, String nonce, String clientId, String responseUri,
        PrivateKey decryptionKey, ObjectNode encryptionJwk, String kid, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public PendingRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(responseUri, "responseUri");
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        Objects.requireNonNull(encryptionJwk, "encryptionJwk");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new request with fresh random values and a fresh encryption key; {@code responseUriPrefix} gets the request id appended. */
    public static PendingRequest create(String clientId, String responseUriPrefix, Instant expiresAt) {
        String requestId = random();
        KeyPair keys = EcKeys.generate();
        String kid = random();
        ObjectNode jwk = EcKeys.toJwk((ECPublicKey) keys.getPublic());
        jwk.put("kid", kid);
        jwk.put("use", "enc");
        jwk.put("alg", ResponseDecrypter.ALG);
        return new PendingRequest(requestId, random(), random(), clientId, responseUriPrefix + requestId, keys.getPrivate(), jwk, kid,
                expiresAt);
    }

    /** 256 bits from a strong source, base64url. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    public Map<String, String> toNotes() {
        return Map.of(
                "request-id", requestId,
                "state", state,
                "nonce", nonce,
                "client-id", clientId,
                "response-uri", responseUri,
                "decryption-key", EcKeys.privateKeyToText(decryptionKey),
                "encryption-jwk", Json.write(encryptionJwk),
                "kid", kid,
                "expires-at", Long.toString(expiresAt.getEpochSecond()));
    }

    /** @throws IllegalArgumentException when the notes are not a pending request's */
    public static PendingRequest fromNotes(Map<String, String> notes) {
        try {
            return new PendingRequest(notes.get("request-id"), notes.get("state"), notes.get("nonce"), notes.get("client-id"),
                    notes.get("response-uri"), EcKeys.privateKeyFromText(notes.get("decryption-key")),
                    Json.parseObject(notes.get("encryption-jwk")), notes.get("kid"),
                    Instant.ofEpochSecond(Long.parseLong(notes.get("expires-at"))));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("not a pending request", e);
        }
    }
}
