package fr.passerelle.demo.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import fr.passerelle.demo.dp.SignedIntrospectionVerifier.UnverifiableAnswer;

class SignedIntrospectionVerifierTest {

    private static final String ISSUER = "http://127.0.0.1:8080/realms/passerelle";
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final ECKey brokerKey = generate("broker");
    private final ECKey otherKey = generate("broker");
    private final SignedIntrospectionVerifier verifier = new SignedIntrospectionVerifier(
            new ImmutableJWKSet<>(new JWKSet(brokerKey.toPublicJWK())), ISSUER, "demo-dp", Clock.fixed(NOW, ZoneOffset.UTC));

    private static final Map<String, Object> MARIE_TOKEN = Map.of(
            "active", true, "aud", "demo-sp", "client_name", "Ville de démo", "sub", "abc-v1", "acr", "eidas1",
            "scope", List.of("dgfip_rfr"),
            "identity", Map.of("given_name", "Marie Éloïse", "family_name", "DUPONT", "birthdate", "1985-03-14",
                    "gender", "female", "birthplace", "75056", "birthcountry", "99100"));

    @Test
    void anAnswerSignedByTheBrokerForThisProviderIsBelieved() throws Exception {
        TokenIntrospection token = verifier.verify(sign(brokerKey, ISSUER, "demo-dp", NOW, MARIE_TOKEN));

        assertTrue(token.active());
        assertEquals("demo-sp", token.client());
        assertEquals(Set.of("dgfip_rfr"), token.scopes());
        assertEquals("DUPONT", token.identity().orElseThrow().familyName());
    }

    @Test
    void anInactiveSignedAnswerIsInactive() throws Exception {
        assertFalse(verifier.verify(sign(brokerKey, ISSUER, "demo-dp", NOW, Map.of("active", false))).active());
    }

    @Test
    void anAnswerSignedByAnotherKeyIsRefused() {
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify(sign(otherKey, ISSUER, "demo-dp", NOW, MARIE_TOKEN)));
    }

    @Test
    void anAnswerFromAnotherIssuerIsRefused() {
        assertThrows(UnverifiableAnswer.class,
                () -> verifier.verify(sign(brokerKey, "http://127.0.0.1:8080/realms/idp-impots", "demo-dp", NOW, MARIE_TOKEN)));
    }

    @Test
    void anAnswerMeantForAnotherProviderIsRefused() {
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify(sign(brokerKey, ISSUER, "demo-dp-2", NOW, MARIE_TOKEN)));
    }

    @Test
    void anOldAnswerIsRefused() {
        assertThrows(UnverifiableAnswer.class,
                () -> verifier.verify(sign(brokerKey, ISSUER, "demo-dp", NOW.minusSeconds(3600), MARIE_TOKEN)));
    }

    @Test
    void anAnswerOfAnotherTypeIsRefusedEvenSignedByTheBroker() throws Exception {
        for (JOSEObjectType type : new JOSEObjectType[] {JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null}) {
            String other = sign(brokerKey, type, ISSUER, "demo-dp", NOW, "answer-" + type, MARIE_TOKEN);
            assertThrows(UnverifiableAnswer.class, () -> verifier.verify(other), "typ " + type);
        }
    }

    @Test
    void anAnswerWithoutIdOrIssueTimeIsRefused() throws Exception {
        String noId = sign(brokerKey, SignedIntrospectionVerifier.INTROSPECTION_JWT, ISSUER, "demo-dp", NOW, null, MARIE_TOKEN);
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify(noId));
        String noIat = sign(brokerKey, SignedIntrospectionVerifier.INTROSPECTION_JWT, ISSUER, "demo-dp", null, "answer-x", MARIE_TOKEN);
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify(noIat));
    }

    @Test
    void anAnswerPlayedBackIsRefusedTheSecondTime() throws Exception {
        String answer = sign(brokerKey, ISSUER, "demo-dp", NOW, MARIE_TOKEN);
        assertTrue(verifier.verify(answer).active());
        UnverifiableAnswer replay = assertThrows(UnverifiableAnswer.class, () -> verifier.verify(answer));
        assertTrue(replay.getMessage().contains("replay"), replay.getMessage());
        assertTrue(verifier.verify(sign(brokerKey, ISSUER, "demo-dp", NOW, MARIE_TOKEN)).active(), "a fresh answer still passes");
    }

    @Test
    void anUnsignedOrGarbledAnswerIsRefused() {
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify("{\"active\":true}"));
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify("e30.e30."));
    }

    private static final String SECRET = "demo-dp-secret-keying-hs256-answers";
    private final SignedIntrospectionVerifier secretVerifier = SignedIntrospectionVerifier.withClientSecret(
            SECRET, ISSUER, "demo-dp", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSecretAuthenticatedProviderBelievesAnAnswerKeyedByItsSecret() throws Exception {
        assertEquals("DUPONT", secretVerifier.verify(hmac(SECRET.getBytes(StandardCharsets.UTF_8), "demo-dp", MARIE_TOKEN))
                .identity().orElseThrow().familyName());
    }

    @Test
    void anAnswerKeyedByAnotherProvidersSecretIsRefused() {
        byte[] other = "demo-dp-2-secret-keying-hs256-answers".getBytes(StandardCharsets.UTF_8);
        assertThrows(UnverifiableAnswer.class, () -> secretVerifier.verify(hmac(other, "demo-dp", MARIE_TOKEN)));
    }

    /** Alg confusion: an HS256 answer keyed by the realm's public key (which anyone can fetch) is not believed. */
    @Test
    void anHs256AnswerKeyedByTheRealmsPublicKeyIsRefused() throws Exception {
        byte[] published = brokerKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        byte[] encoded = brokerKey.toECPublicKey().getEncoded();
        assertThrows(UnverifiableAnswer.class, () -> secretVerifier.verify(hmac(published, "demo-dp", MARIE_TOKEN)));
        assertThrows(UnverifiableAnswer.class, () -> secretVerifier.verify(hmac(pad(encoded), "demo-dp", MARIE_TOKEN)));
        // And a key-authenticated provider, which expects ES256, refuses any HS256 answer whatever its key.
        assertThrows(UnverifiableAnswer.class, () -> verifier.verify(hmac(pad(encoded), "demo-dp", MARIE_TOKEN)));
    }

    @Test
    void aSecretAuthenticatedProviderRefusesAnAnswerOfAnotherAlgorithm() {
        assertThrows(UnverifiableAnswer.class, () -> secretVerifier.verify(sign(brokerKey, ISSUER, "demo-dp", NOW, MARIE_TOKEN)));
    }

    private static byte[] pad(byte[] key) {
        return key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    }

    private static String hmac(byte[] key, String audience, Map<String, Object> introspection) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).issueTime(Date.from(NOW))
                .jwtID(UUID.randomUUID().toString()).claim("token_introspection", introspection).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(SignedIntrospectionVerifier.INTROSPECTION_JWT).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String sign(ECKey key, String issuer, String audience, Instant issuedAt, Map<String, Object> introspection) throws JOSEException {
        return sign(key, SignedIntrospectionVerifier.INTROSPECTION_JWT, issuer, audience, issuedAt, UUID.randomUUID().toString(), introspection);
    }

    private static String sign(ECKey key, JOSEObjectType type, String issuer, String audience, Instant issuedAt, String answerId,
                               Map<String, Object> introspection) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                .jwtID(answerId)
                .claim("token_introspection", introspection)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(type)
                .keyID(key.getKeyID())
                .build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
