package fr.passerelle.wallet;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signed request object a wallet fetches by reference ({@code request_uri}, OpenID4VP 1.0 §5):
 * a DCQL query for the PID, answered with {@code direct_post.jwt} encrypted to the request's own key.
 */
public final class RequestObject {

    public static final String TYP = "oauth-authz-req+jwt";
    /** The static audience of a request object for a wallet whose issuer is unknown (OpenID4VP 1.0 §5.8). */
    public static final String SELF_ISSUED_AUDIENCE = "https://self-issued.me/v2";
    public static final String RESPONSE_MODE = "direct_post.jwt";

    private RequestObject() {
    }

    /**
     * @param walletNonce the {@code wallet_nonce} the wallet posted to the request URI, or {@code null}
     */
    public static String sign(VerifierIdentity verifier, PendingRequest request, DcqlQuery query, String walletNonce, Instant now) {
        ObjectNode header = Json.object();
        header.put("typ", TYP);
        ArrayNode x5c = header.putArray("x5c");
        verifier.x5c().forEach(x5c::add);

        ObjectNode claims = Json.object();
        claims.put("iss", verifier.clientId());
        claims.put("aud", SELF_ISSUED_AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", request.expiresAt().getEpochSecond());
        claims.put("response_type", "vp_token");
        claims.put("response_mode", RESPONSE_MODE);
        claims.put("client_id", verifier.clientId());
        claims.put("response_uri", request.responseUri());
        claims.put("nonce", request.nonce());
        claims.put("state", request.state());
        if (walletNonce != null && !walletNonce.isBlank()) {
            claims.put("wallet_nonce", walletNonce);
        }
        claims.set("dcql_query", query.toJson());
        ObjectNode metadata = claims.putObject("client_metadata");
        metadata.putObject("jwks").putArray("keys").add(request.encryptionJwk());
        ArrayNode encs = metadata.putArray("encrypted_response_enc_values_supported");
        ResponseDecrypter.ENCRYPTIONS.stream().sorted().forEach(encs::add);
        ObjectNode sdJwt = metadata.putObject("vp_formats_supported").putObject(DcqlQuery.FORMAT);
        sdJwt.putArray("sd-jwt_alg_values").add(Jws.ES256);
        sdJwt.putArray("kb-jwt_alg_values").add(Jws.ES256);
        return Jws.sign(header, claims, verifier.signingKey());
    }
}
