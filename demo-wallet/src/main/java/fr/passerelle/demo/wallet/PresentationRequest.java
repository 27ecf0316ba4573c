package fr.passerelle.demo.wallet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;

/**
 * A verifier's OpenID4VP request as the demo wallet receives it: fetched by reference with
 * {@code request_uri_method=post}, its signature checked against the certificate in its {@code x5c}
 * header, and that certificate's hash checked against the {@code x509_hash} client id of the link.
 * The demo wallet trusts any verifier that proves its client id this way; a real wallet would also
 * check the verifier's registration.
 *
 * @param clientId     the verifier's client id, the key binding's audience
 * @param verifierName the common name of the verifier's certificate, shown to the person
 * @param claims       what the verifier asks, in the DCQL query's words (each claim's path)
 * @param credentialId the DCQL credential id, the key of the answer in {@code vp_token}
 * @param object       the request object's claims
 */
public record PresentationRequest(String clientId, String verifierName, List<List<String>> claims, String credentialId, JsonNode object) {

    private static final String X509_HASH = "x509_hash:";

    /** Thrown when the request is not one the wallet can answer; the message says why, for the person. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    public String nonce() {
        return object.path("nonce").asText();
    }

    public String state() {
        return object.path("state").asText();
    }

    public String responseUri() {
        return object.path("response_uri").asText();
    }

    public JsonNode encryptionJwk() {
        return object.path("client_metadata").path("jwks").path("keys").path(0);
    }

    /** The strongest content encryption the verifier accepts. */
    public String encryption() {
        for (JsonNode enc : object.path("client_metadata").path("encrypted_response_enc_values_supported")) {
            if ("A256GCM".equals(enc.asText())) {
                return "A256GCM";
            }
        }
        return "A128GCM";
    }

    /** Fetches and checks the request named by a wallet invocation link's parameters. */
    public static PresentationRequest fetch(HttpClient http, String clientId, String requestUri, String walletNonce, Instant now)
            throws Unusable, IOException, InterruptedException {
        if (clientId == null || !clientId.startsWith(X509_HASH) || requestUri == null
                || !(requestUri.startsWith("https://") || requestUri.startsWith("http://"))) {
            throw new Unusable("Le lien n'est pas une demande OpenID4VP (client_id x509_hash et request_uri attendus).");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(requestUri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/oauth-authz-req+jwt")
                .POST(HttpRequest.BodyPublishers.ofString("wallet_nonce=" + URLEncoder.encode(walletNonce, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Unusable("Le service ne connaît plus cette demande (expirée ou déjà utilisée) : recommencez depuis le service.");
        }
        return check(response.body().strip(), clientId, walletNonce, now);
    }

    static PresentationRequest check(String compact, String clientId, String walletNonce, Instant now) throws Unusable {
        JsonNode object;
        X509Certificate certificate;
        try {
            JWSObject jws = JWSObject.parse(compact);
            if (jws.getHeader().getX509CertChain() == null || jws.getHeader().getX509CertChain().isEmpty()) {
                throw new Unusable("La demande n'est pas signée par un certificat.");
            }
            certificate = X509CertUtils.parse(jws.getHeader().getX509CertChain().get(0).decode());
            if (certificate == null || !(certificate.getPublicKey() instanceof ECPublicKey key) || !jws.verify(new ECDSAVerifier(key))) {
                throw new Unusable("La signature de la demande est fausse.");
            }
            if (!clientId.equals(X509_HASH + PidProvider.base64Url(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())))) {
                throw new Unusable("Le certificat de la demande n'est pas celui du client_id du lien.");
            }
            object = PidProvider.JSON.readTree(jws.getPayload().toString());
        } catch (ParseException | JOSEException | IOException | NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new Unusable("La demande n'est pas lisible.");
        }
        if (!clientId.equals(object.path("client_id").asText())) {
            throw new Unusable("La demande est faite au nom d'un autre client.");
        }
        if (!"direct_post.jwt".equals(object.path("response_mode").asText()) || !"vp_token".equals(object.path("response_type").asText())) {
            throw new Unusable("La demande attend une réponse que ce portefeuille ne sait pas donner.");
        }
        if (object.has("wallet_nonce") && !walletNonce.equals(object.path("wallet_nonce").asText())) {
            throw new Unusable("La demande ne répond pas à ce portefeuille (wallet_nonce).");
        }
        if (object.path("exp").canConvertToLong() && now.getEpochSecond() >= object.path("exp").asLong()) {
            throw new Unusable("La demande a expiré : recommencez depuis le service.");
        }
        JsonNode credential = object.path("dcql_query").path("credentials").path(0);
        boolean asksPid = false;
        for (JsonNode vct : credential.path("meta").path("vct_values")) {
            asksPid |= PidProvider.VCT.equals(vct.asText());
        }
        if (!"dc+sd-jwt".equals(credential.path("format").asText()) || !asksPid) {
            throw new Unusable("Le service demande une attestation que ce portefeuille ne détient pas.");
        }
        List<List<String>> claims = new ArrayList<>();
        for (JsonNode claim : credential.path("claims")) {
            List<String> path = new ArrayList<>();
            claim.path("path").forEach(element -> path.add(element.asText()));
            claims.add(List.copyOf(path));
        }
        String name = certificate.getSubjectX500Principal().getName().replaceFirst("^CN=", "").replaceFirst(",.*$", "");
        return new PresentationRequest(clientId, name, List.copyOf(claims), credential.path("id").asText(), object);
    }
}
