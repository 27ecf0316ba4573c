package fr.passerelle.e2e;

import java.net.URI;
import java.text.ParseException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** The token response an SP received, with its ID token verified against the broker realm's published keys. */
public final class Tokens {

    private final String brokerUrl;
    private final String realm;
    private final String clientId;
    private final String nonce;
    private final JsonNode response;

    Tokens(String brokerUrl, String realm, String clientId, String nonce, JsonNode response) {
        this.brokerUrl = brokerUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.nonce = nonce;
        this.response = response;
    }

    /** The token response as the broker sent it. */
    public JsonNode response() {
        return response;
    }

    public String accessToken() {
        return response.get("access_token").asText();
    }

    public String refreshToken() {
        return response.get("refresh_token").asText();
    }

    public String rawIdToken() {
        return response.get("id_token").asText();
    }

    /** The ID token's claims, after checking signature (ES256, realm JWKS), issuer, audience and nonce. */
    public Map<String, Object> idToken() {
        try {
            JWKSet keys = JWKSet.load(URI.create(realmUrl() + "/protocol/openid-connect/certs").toURL());
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
            JWTClaimsSet claims = processor.process(rawIdToken(), null);
            String issuer = realmUrl();
            if (!issuer.equals(claims.getIssuer())) {
                throw new AssertionError("iss " + claims.getIssuer() + " is not " + issuer);
            }
            if (!claims.getAudience().contains(clientId)) {
                throw new AssertionError("aud " + claims.getAudience() + " lacks " + clientId);
            }
            if (!nonce.equals(claims.getStringClaim("nonce"))) {
                throw new AssertionError("nonce mismatch");
            }
            return claims.getClaims();
        } catch (java.io.IOException | ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("ID token does not verify: " + e.getMessage(), e);
        }
    }

    public String idTokenAlgorithm() {
        try {
            return SignedJWT.parse(rawIdToken()).getHeader().getAlgorithm().getName();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    public JsonNode userinfo() {
        return Userinfo.fetch(realmUrl(), accessToken());
    }

    private String realmUrl() {
        return brokerUrl + "/realms/" + realm;
    }
}
