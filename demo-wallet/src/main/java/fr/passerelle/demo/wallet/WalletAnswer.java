package fr.passerelle.demo.wallet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;

/**
 * The demo wallet's answer to a verifier ({@code direct_post.jwt}): either the PID with only the claims
 * asked disclosed and a key binding JWT for this request, or a refusal ({@code access_denied}); either
 * way encrypted ({@code ECDH-ES}) to the request's own key and posted to its {@code response_uri}.
 *
 * @param status      the verifier's HTTP status
 * @param redirectUri where the verifier sends the browser next, if it said so
 * @param error       the verifier's {@code error_description} when it refused the answer
 */
public record WalletAnswer(int status, String redirectUri, String error) {

    /** The presentation: issuer JWT, the disclosures of the claims asked, then the key binding JWT. */
    static String presentation(PidProvider.HeldPid pid, PresentationRequest request, Instant now) {
        Set<String> asked = new LinkedHashSet<>();
        request.claims().forEach(path -> asked.add(path.get(0)));
        StringBuilder sdJwt = new StringBuilder(pid.issuerJwt()).append('~');
        for (String claim : asked) {
            String disclosure = pid.disclosures().get(claim);
            if (disclosure != null) {
                sdJwt.append(disclosure).append('~');
            }
        }
        try {
            String sdHash = PidProvider.base64Url(MessageDigest.getInstance("SHA-256").digest(sdJwt.toString().getBytes(StandardCharsets.US_ASCII)));
            ObjectNode claims = PidProvider.JSON.createObjectNode()
                    .put("iat", now.getEpochSecond()).put("aud", request.clientId()).put("nonce", request.nonce()).put("sd_hash", sdHash);
            JWSObject keyBinding = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("kb+jwt")).build(),
                    new Payload(PidProvider.JSON.writeValueAsString(claims)));
            keyBinding.sign(new ECDSASigner(pid.holderKey()));
            return sdJwt + keyBinding.serialize();
        } catch (GeneralSecurityException | JOSEException | IOException e) {
            throw new IllegalStateException("cannot sign the key binding", e);
        }
    }

    /** Shares the PID's asked claims with the verifier. */
    public static WalletAnswer share(HttpClient http, PidProvider.HeldPid pid, PresentationRequest request, Instant now)
            throws IOException, InterruptedException {
        return post(http, request, sharing(pid, request, now));
    }

    /** Tells the verifier the person declined. */
    public static WalletAnswer decline(HttpClient http, PresentationRequest request) throws IOException, InterruptedException {
        return post(http, request, declining(request));
    }

    static ObjectNode sharing(PidProvider.HeldPid pid, PresentationRequest request, Instant now) {
        ObjectNode payload = PidProvider.JSON.createObjectNode();
        payload.putObject("vp_token").putArray(request.credentialId()).add(presentation(pid, request, now));
        payload.put("state", request.state());
        return payload;
    }

    static ObjectNode declining(PresentationRequest request) {
        return PidProvider.JSON.createObjectNode()
                .put("error", "access_denied").put("error_description", "the person declined").put("state", request.state());
    }

    static String encrypt(PresentationRequest request, ObjectNode payload) {
        try {
            ECKey key = ECKey.parse(PidProvider.JSON.writeValueAsString(request.encryptionJwk()));
            JWEHeader.Builder header = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.parse(request.encryption()));
            if (key.getKeyID() != null) {
                header.keyID(key.getKeyID());
            }
            JWEObject jwe = new JWEObject(header.build(), new Payload(PidProvider.JSON.writeValueAsString(payload)));
            jwe.encrypt(new ECDHEncrypter(key.toECPublicKey()));
            return jwe.serialize();
        } catch (ParseException | JOSEException | IOException e) {
            throw new IllegalStateException("cannot encrypt the answer to the verifier's key", e);
        }
    }

    private static WalletAnswer post(HttpClient http, PresentationRequest request, ObjectNode payload) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(request.responseUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("response=" + URLEncoder.encode(encrypt(request, payload), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = PidProvider.JSON.readTree(response.body());
        } catch (IOException e) {
            body = PidProvider.JSON.createObjectNode();
        }
        String redirect = body.path("redirect_uri").isTextual() ? body.path("redirect_uri").asText() : null;
        String error = body.path("error_description").isTextual() ? body.path("error_description").asText()
                : body.path("error").isTextual() ? body.path("error").asText() : null;
        return new WalletAnswer(response.statusCode(), redirect, error);
    }

    /** The claims of a PID the person would share for this request, for the consent screen. */
    static List<String> sharedClaims(PidProvider.HeldPid pid, PresentationRequest request) {
        Set<String> shared = new LinkedHashSet<>();
        request.claims().forEach(path -> {
            if (pid.disclosures().containsKey(path.get(0))) {
                shared.add(path.get(0));
            }
        });
        return List.copyOf(shared);
    }
}
