package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * How checktoken answers are signed, attacked: a DP authenticating with its client secret gets HS256 keyed by that
 * secret (and by nothing another DP or the public can compute), a DP authenticating with a key of its own gets the
 * realm's ES256, a short DP secret cannot be registered, and a new secret is a new key at once.
 */
@ExtendWith(PasserelleServerExtension.class)
class CheckTokenSignatureIT {

    private static final String DEMO_DP_SECRET = "demo-dp-secret-keying-hs256-answers";
    private static final String DEMO_DP_2_SECRET = "demo-dp-2-secret-keying-hs256-answers";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSecretAuthenticatedDpGetsHs256KeyedByItsSecretAndNoOtherKeyVerifiesIt(PasserelleServer server) throws Exception {
        String token = marieToken(server);
        HttpResponse<String> response = DataProvider.demoDp(server).checkToken(token, null);
        SignedJWT answer = SignedJWT.parse(response.body());
        assertEquals(JWSAlgorithm.HS256, answer.getHeader().getAlgorithm(), "the header says which signature");
        assertNull(answer.getHeader().getKeyID(), "no realm key named");
        assertTrue(answer.verify(new MACVerifier(DEMO_DP_SECRET.getBytes(StandardCharsets.UTF_8))));
        assertFalse(answer.verify(new MACVerifier(DEMO_DP_2_SECRET.getBytes(StandardCharsets.UTF_8))),
                "another DP's secret does not verify it");
        // The answer itself, as the DP reads it (typ, iss, aud checked), is the JSON one.
        Map<String, Object> introspection = DataProvider.demoDp(server).checkTokenJwt(token);
        assertEquals(true, introspection.get("active"));
        assertEquals(Json.parse(Json.write(introspection)).get("sub"), DataProvider.demoDp(server).checkTokenJson(token).get("sub"));
        // A DP verifying the way another DP would (with that DP's secret) refuses it.
        DataProvider impostor = new DataProvider(server.baseUrl(), server.baseUrl(), "demo-dp", DEMO_DP_2_SECRET);
        assertThrows(AssertionError.class, () -> impostor.verifiedAnswer(DataProvider.demoDp(server).checkToken(token, null),
                JWSAlgorithm.HS256, new ImmutableSecret<>(DEMO_DP_2_SECRET.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Alg confusion: the realm's public key is public, so an HS256 answer keyed by it would be forgeable by anyone.
     * The broker picks the algorithm from the DP's registration, never from the request; a DP authenticating with a
     * key gets ES256, and neither that answer nor any other verifies as HS256 under the realm's public key.
     */
    @Test
    void aKeyAuthenticatedDpGetsTheRealmsEs256AndThePublicKeyNeverKeysAnHmac(PasserelleServer server) throws Exception {
        RSAKey dpKey = new RSAKeyGenerator(2048).keyID("key-dp-1").keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        String clientId = "test-key-dp-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode client = Json.MAPPER.createObjectNode();
        client.put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect").put("publicClient", false)
                .put("clientAuthenticatorType", "client-jwt").put("standardFlowEnabled", false);
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("passerelle.data-provider", "true");
        attributes.put("use.jwks.string", "true");
        attributes.put("jwks.string", new JWKSet(dpKey.toPublicJWK()).toString());
        attributes.put("token.endpoint.auth.signing.alg", "RS256");
        server.admin().post("/admin/realms/passerelle/clients", client);
        try {
            String token = marieToken(server);
            // The request cannot choose: an alg hint in the form or the Accept header is ignored.
            HttpResponse<String> response = keyDpCheckToken(server, clientId, dpKey, token, "&alg=HS256");
            assertEquals(200, response.statusCode(), response.body());
            SignedJWT answer = SignedJWT.parse(response.body());
            assertEquals(JWSAlgorithm.ES256, answer.getHeader().getAlgorithm());
            JWKSet realmKeys = JWKSet.load(URI.create(server.realmUrl("passerelle") + "/protocol/openid-connect/certs").toURL());
            ECKey realmKey = (ECKey) realmKeys.getKeyByKeyId(answer.getHeader().getKeyID());
            assertTrue(answer.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(realmKey)));

            for (byte[] published : List.of(realmKeys.toString().getBytes(StandardCharsets.UTF_8),
                    realmKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), realmKey.toECPublicKey().getEncoded())) {
                // The same payload re-signed HS256 with the public key is what a forger would send: no DP accepts it.
                SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(answer.getHeader().getType()).build(),
                        answer.getJWTClaimsSet());
                forged.sign(new com.nimbusds.jose.crypto.MACSigner(published.length >= 32 ? published : java.util.Arrays.copyOf(published, 32)));
                HttpResponse<String> replayed = fakeResponse(forged.serialize());
                // A key DP expects ES256 by the realm key; the secret DP expects HS256 by its own secret.
                assertThrows(AssertionError.class, () -> new DataProvider(server.baseUrl(), server.baseUrl(), clientId, null)
                        .verifiedAnswer(replayed, JWSAlgorithm.ES256, new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(realmKeys)));
                assertThrows(AssertionError.class, () -> new DataProvider(server.baseUrl(), server.baseUrl(), clientId, DEMO_DP_SECRET)
                        .verifiedAnswer(replayed, JWSAlgorithm.HS256, new ImmutableSecret<>(DEMO_DP_SECRET.getBytes(StandardCharsets.UTF_8))));
            }
            // And the secret-authenticated DP's answers are never keyed by the realm's public key either.
            SignedJWT secretAnswer = SignedJWT.parse(DataProvider.demoDp(server).checkToken(token, null).body());
            assertFalse(secretAnswer.verify(new MACVerifier(realmKeys.toString().getBytes(StandardCharsets.UTF_8))));
        } finally {
            for (JsonNode created : clients(server, clientId)) {
                server.admin().delete("/admin/realms/passerelle/clients/" + created.get("id").asText());
            }
        }
    }

    @Test
    void aDataProviderSecretShorterThan256BitsIsRefusedAtRegistrationAndUpdate(PasserelleServer server) {
        JsonNode dp2 = server.admin().clientByClientId("passerelle", "demo-dp-2");
        String path = "/admin/realms/passerelle/clients/" + dp2.get("id").asText();
        ObjectNode shortened = dp2.deepCopy();
        shortened.put("secret", "short-dp-secret-31-bytes-long!!");
        IllegalStateException update = assertThrows(IllegalStateException.class, () -> server.admin().put(path, shortened));
        assertTrue(update.getMessage().contains("400") && update.getMessage().contains("dp_secret_too_short"), update.getMessage());
        assertEquals(200, new DataProvider(server, "demo-dp-2", DEMO_DP_2_SECRET).checkToken("whatever", "application/json").statusCode(),
                "the refused update stored nothing: the DP's secret is the one it had");

        String clientId = "test-short-dp-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode client = Json.MAPPER.createObjectNode();
        client.put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect").put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret").put("secret", "too-short").put("standardFlowEnabled", false);
        client.putObject("attributes").put("passerelle.data-provider", "true");
        IllegalStateException register = assertThrows(IllegalStateException.class, () -> server.admin().post("/admin/realms/passerelle/clients", client));
        assertTrue(register.getMessage().contains("dp_secret_too_short"), register.getMessage());
        assertTrue(clients(server, clientId).isEmpty(), "no client created");

        // A secret of 32 bytes is accepted (and put back as it was).
        ObjectNode longEnough = dp2.deepCopy();
        longEnough.put("secret", "a-dp-secret-of-exactly-32-bytes!");
        server.admin().put(path, longEnough);
        server.admin().put(path, dp2);
        assertEquals(200, new DataProvider(server, "demo-dp-2", DEMO_DP_2_SECRET).checkToken("whatever", "application/json").statusCode());
    }

    @Test
    void rotatingTheDpsSecretChangesTheKeyOfItsAnswersAtOnce(PasserelleServer server) throws Exception {
        JsonNode dp2 = server.admin().clientByClientId("passerelle", "demo-dp-2");
        String path = "/admin/realms/passerelle/clients/" + dp2.get("id").asText();
        String token = marieToken(server);
        try {
            server.admin().post(path + "/client-secret", null);
            String rotated = server.admin().get(path + "/client-secret").get("value").asText();
            assertTrue(rotated.getBytes(StandardCharsets.UTF_8).length >= 32, "Keycloak's generated secrets are long enough");
            HttpResponse<String> response = new DataProvider(server, "demo-dp-2", rotated).checkToken(token, null);
            SignedJWT answer = SignedJWT.parse(response.body());
            assertEquals(JWSAlgorithm.HS256, answer.getHeader().getAlgorithm());
            assertTrue(answer.verify(new MACVerifier(rotated.getBytes(StandardCharsets.UTF_8))), "keyed by the new secret");
            assertFalse(answer.verify(new MACVerifier(DEMO_DP_2_SECRET.getBytes(StandardCharsets.UTF_8))), "not by the former one");
            assertEquals(401, new DataProvider(server, "demo-dp-2", DEMO_DP_2_SECRET).checkToken(token, null).statusCode());
        } finally {
            server.admin().put(path, dp2);
        }
        assertEquals(200, new DataProvider(server, "demo-dp-2", DEMO_DP_2_SECRET).checkToken(token, null).statusCode());
    }

    private static JsonNode clients(PasserelleServer server, String clientId) {
        return server.admin().get("/admin/realms/passerelle/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    private static String marieToken(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile birth dgfip_rfr");
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
        Tokens tokens = consent.has("#passerelle-consent-form")
                ? authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")))
                : authorization.redeem(consent);
        return tokens.accessToken();
    }

    private HttpResponse<String> keyDpCheckToken(PasserelleServer server, String clientId, RSAKey key, String token, String extra)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(server.realmUrl("passerelle")).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(30))).build();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        assertion.sign(new RSASSASigner(key));
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion.serialize() + extra;
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.realmUrl("passerelle") + "/passerelle/checktoken"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A forged answer as a DP would receive it from a man in the middle. */
    private static HttpResponse<String> fakeResponse(String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            @Override
            public java.net.http.HttpHeaders headers() {
                return java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of("application/token-introspection+jwt")), (a, b) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return java.util.Optional.empty();
            }

            @Override
            public URI uri() {
                return null;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
