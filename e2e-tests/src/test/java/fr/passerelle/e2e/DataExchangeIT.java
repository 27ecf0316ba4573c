package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;

import fr.passerelle.names.ClientAttributes;

/** Data exchange (docs/reference.md, section 6) end to end: data scopes, the consent page, and checktoken for data providers. */
@ExtendWith(PasserelleServerExtension.class)
class DataExchangeIT {

    private static final String SCOPES_WITH_TAX_DATA = "openid profile birth dgfip_rfr";

    @Test
    void marieConsentsToHerTaxDataAndOnlyTheDataProviderServingItLearnsHerIdentity(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize(SCOPES_WITH_TAX_DATA);
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);

        Element identity = consent.document().selectFirst("#passerelle-consent section[data-source=identity]");
        Element data = consent.document().selectFirst("#passerelle-consent section[data-source=data-provider]");
        assertTrue(identity != null && data != null, "consent page groups identity and data: " + consent.text());
        assertTrue(identity.text().contains("Impôts (démo)"), identity.text());
        assertTrue(consent.document().select("section").indexOf(identity) < consent.document().select("section").indexOf(data),
                "identity first, then the data providers");
        assertTrue(data.text().contains("revenu fiscal de référence"), data.text());
        assertTrue(data.text().contains("DGFiP, CNAF"), "the DP is named: " + data.text());

        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
        String spSub = tokens.idToken().get("sub").toString();

        JsonNode answer = DataProvider.demoDp(server).checkTokenJson(tokens.accessToken());
        assertTrue(answer.get("active").asBoolean());
        assertEquals("demo-sp", answer.get("aud").asText());
        assertEquals("Ville de démo — services en ligne", answer.get("client_name").asText());
        assertEquals(List.of("dgfip_rfr"), Json.MAPPER.convertValue(answer.get("scope"), List.class));
        assertTrue(answer.get("sub").asText().matches("[0-9a-f]{64}v1"));
        assertNotEquals(spSub, answer.get("sub").asText(), "the DP has its own sector's sub");
        JsonNode person = answer.get("identity");
        assertEquals("Marie Éloïse", person.get("given_name").asText());
        assertEquals("DUPONT", person.get("family_name").asText());
        assertEquals("1985-03-14", person.get("birthdate").asText());
        assertEquals("female", person.get("gender").asText());
        assertEquals("75056", person.get("birthplace").asText());
        assertEquals("99100", person.get("birthcountry").asText());
        for (String claim : List.of("acr", "iat", "exp", "jti")) {
            assertTrue(answer.hasNonNull(claim), claim + " present");
        }

        Map<String, Object> signed = DataProvider.demoDp(server).checkTokenJwt(tokens.accessToken());
        assertEquals(answer, Json.parse(Json.write(signed)),
                "the signed JWT carries the same answer as the JSON variant");

        JsonNode otherDp = new DataProvider(server, "demo-dp-2", "demo-dp-2-secret-keying-hs256-answers").checkTokenJson(tokens.accessToken());
        assertInactive(otherDp);
    }

    @Test
    void decliningSendsAccessDeniedToTheSpAndIssuesNoCode(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize(SCOPES_WITH_TAX_DATA);
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.LUCAS);

        Page back = browser.submit(consent, "#passerelle-consent-form", Map.of("cancel", ""));

        assertTrue(back.isClientRedirect(), back.text());
        assertEquals("access_denied", back.params().get("error"));
        assertEquals(authorization.state(), back.params().get("state"));
        assertNull(back.params().get("code"));
    }

    @Test
    void identityScopesAloneAskNoConsentByDefault(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile");
        Page back = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.LUCAS);
        assertTrue(back.isClientRedirect(), "no consent page without data scopes: " + back.text());
    }

    @Test
    void inactiveTokensSayNothingElse(PasserelleServer server) throws InterruptedException {
        DataProvider dp = DataProvider.demoDp(server);
        assertInactive(dp.checkTokenJson("garbage"));
        assertInactive(dp.checkTokenJson("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"));

        String foreignRealmToken = server.admin().accessToken();
        assertInactive(dp.checkTokenJson(foreignRealmToken));

        ServiceProvider sp = ServiceProvider.demoSp(server);
        ServiceProvider.Authorization authorization = sp.authorize(SCOPES_WITH_TAX_DATA);
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.AHMED);
        Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
        assertTrue(dp.checkTokenJson(tokens.accessToken()).get("active").asBoolean());
        sp.logout(tokens.refreshToken());
        assertInactive(dp.checkTokenJson(tokens.accessToken()));
        assertFalse(dp.checkTokenJwt(tokens.accessToken()).containsKey("sub"), "the JWT variant says nothing either");
    }

    /**
     * A token's signature, once verified, is remembered (token checks skip the P-256 verification the next time):
     * that must change nothing a DP sees. Altered bytes or signature are still refused, a revoked token, a token
     * whose session ended and an expired token are inactive at once, although each was checked (and its signature
     * remembered) just before.
     */
    @Test
    void aTokenCheckedBeforeIsStillRefusedOnceAlteredRevokedLoggedOutOrExpired(PasserelleServer server) throws InterruptedException {
        DataProvider dp = DataProvider.demoDp(server);
        ServiceProvider sp = ServiceProvider.demoSp(server);

        Tokens revokedLater = signInWithTaxData(sp, DemoPeople.MARIE_IMPOTS);
        String token = revokedLater.accessToken();
        assertTrue(dp.checkTokenJson(token).get("active").asBoolean());
        assertTrue(dp.checkTokenJson(token).get("active").asBoolean(), "checked again: same answer");
        String[] parts = token.split("\\.");
        String otherSignature = parts[2].charAt(10) == 'A' ? "B" : "A";
        assertInactive(dp.checkTokenJson(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + otherSignature + parts[2].substring(11)));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        // Another token id: a token that would be live, were its signature believed.
        int jti = payload.indexOf("\"jti\":\"") + 7;
        String altered = payload.substring(0, jti) + (payload.charAt(jti) == 'a' ? 'b' : 'a') + payload.substring(jti + 1);
        String alteredPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                altered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertNotEquals(parts[1], alteredPayload);
        assertInactive(dp.checkTokenJson(parts[0] + "." + alteredPayload + "." + parts[2]));
        HttpResponse<String> revoked = PartnerCalls.post(PartnerCalls.revocationEndpoint(server),
                PartnerCalls.fields("token", token, "token_type_hint", "access_token"), "demo-sp", "demo-sp-secret");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertInactive(dp.checkTokenJson(token));

        Tokens loggedOut = signInWithTaxData(sp, DemoPeople.AHMED);
        assertTrue(dp.checkTokenJson(loggedOut.accessToken()).get("active").asBoolean());
        sp.logout(loggedOut.refreshToken());
        assertInactive(dp.checkTokenJson(loggedOut.accessToken()));

        AdminApi admin = server.admin();
        JsonNode annex = admin.clientByClientId("passerelle", "demo-sp-annex");
        ObjectNode shortLived = annex.deepCopy();
        ((ObjectNode) shortLived.get("attributes")).put("access.token.lifespan", "3");
        String path = "/admin/realms/passerelle/clients/" + annex.get("id").asText();
        admin.put(path, shortLived);
        try {
            Tokens expiring = signInWithTaxData(new ServiceProvider(server, "passerelle", "demo-sp-annex", "demo-sp-annex-secret"),
                    DemoPeople.JEAN_BAPTISTE);
            assertTrue(dp.checkTokenJson(expiring.accessToken()).get("active").asBoolean());
            Thread.sleep(4500);
            assertInactive(dp.checkTokenJson(expiring.accessToken()));
        } finally {
            admin.put(path, annex);
        }
    }

    private static Tokens signInWithTaxData(ServiceProvider sp, DemoPeople person) {
        ServiceProvider.Authorization authorization = sp.authorize(SCOPES_WITH_TAX_DATA);
        Browser browser = LoginFlow.newBrowser();
        Page consent = LoginFlow.signIn(browser, authorization, person);
        if (!consent.has("#passerelle-consent-form")) {
            return authorization.redeem(consent);
        }
        return authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
    }

    @Test
    void anExpiredTokenIsInactive(PasserelleServer server) throws InterruptedException {
        AdminApi admin = server.admin();
        JsonNode annex = admin.clientByClientId("passerelle", "demo-sp-annex");
        ObjectNode shortLived = annex.deepCopy();
        ((ObjectNode) shortLived.get("attributes")).put("access.token.lifespan", "2");
        String path = "/admin/realms/passerelle/clients/" + annex.get("id").asText();
        admin.put(path, shortLived);
        try {
            ServiceProvider.Authorization authorization = new ServiceProvider(server, "passerelle", "demo-sp-annex", "demo-sp-annex-secret")
                    .authorize("openid profile");
            Tokens tokens = authorization.redeem(LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.LUCAS));
            Thread.sleep(3500);
            assertInactive(DataProvider.demoDp(server).checkTokenJson(tokens.accessToken()));
        } finally {
            admin.put(path, annex);
        }
    }

    @Test
    void badOrMissingCredentialsAndMissingTokenAreRefusedWithoutLookingAtTheToken(PasserelleServer server) {
        HttpResponse<String> wrongSecret = new DataProvider(server, "demo-dp", "not-the-secret").checkToken("whatever", "application/json");
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", Json.parse(wrongSecret.body()).get("error").asText());

        HttpResponse<String> noCredentials = new DataProvider(server, "demo-dp", null).checkToken("whatever", "application/json");
        assertEquals(401, noCredentials.statusCode());
        assertEquals("invalid_client", Json.parse(noCredentials.body()).get("error").asText());

        HttpResponse<String> notADataProvider = new DataProvider(server, "demo-sp", "demo-sp-secret").checkToken("whatever", "application/json");
        assertEquals(403, notADataProvider.statusCode());

        HttpResponse<String> noToken = DataProvider.demoDp(server).checkToken(null, "application/json");
        assertEquals(400, noToken.statusCode());
        assertEquals("invalid_request", Json.parse(noToken.body()).get("error").asText());
    }

    @Test
    void aDataProviderWithARegisteredEncryptionKeyGetsTheSignedAnswerEncryptedToIt(PasserelleServer server) throws Exception {
        RSAKey dpKey = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA_OAEP_256).keyID("demo-dp-2-enc").generate();
        AdminApi admin = server.admin();
        JsonNode dp2 = admin.clientByClientId("passerelle", "demo-dp-2");
        ObjectNode encrypting = dp2.deepCopy();
        ObjectNode attributes = (ObjectNode) encrypting.get("attributes");
        attributes.put("use.jwks.string", "true");
        attributes.put("jwks.string", new JWKSet(dpKey.toPublicJWK()).toString());
        attributes.put(ClientAttributes.CHECKTOKEN_ENCRYPTION_ALG, "RSA-OAEP-256");
        String path = "/admin/realms/passerelle/clients/" + dp2.get("id").asText();
        admin.put(path, encrypting);
        try {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile ants_vehicule");
            Browser browser = LoginFlow.newBrowser();
            Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.LUCAS);
            Tokens tokens = authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
            HttpResponse<String> response = new DataProvider(server, "demo-dp-2", "demo-dp-2-secret-keying-hs256-answers").checkToken(tokens.accessToken(), null);

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(5, response.body().split("\\.", -1).length, "a JWE in compact form");
            JWEObject jwe = JWEObject.parse(response.body());
            assertEquals(JWEAlgorithm.RSA_OAEP_256, jwe.getHeader().getAlgorithm());
            assertEquals("demo-dp-2-enc", jwe.getHeader().getKeyID());
            jwe.decrypt(new RSADecrypter(dpKey));
            SignedJWT signed = jwe.getPayload().toSignedJWT();
            // demo-dp-2 authenticates with its client secret: the nested answer is HS256 keyed by that secret.
            assertEquals(JWSAlgorithm.HS256, signed.getHeader().getAlgorithm());
            assertTrue(signed.verify(new MACVerifier(
                    "demo-dp-2-secret-keying-hs256-answers".getBytes(StandardCharsets.UTF_8))),
                    "the decrypted answer is signed for the DP");
            Map<String, Object> answer = signed.getJWTClaimsSet().getJSONObjectClaim("token_introspection");
            assertEquals(true, answer.get("active"));
            assertEquals(List.of("ants_vehicule"), answer.get("scope"));
            assertEquals("demo-dp-2", signed.getJWTClaimsSet().getAudience().get(0));
        } finally {
            // A PUT keeps the attributes its body omits: clear the encryption settings explicitly.
            ObjectNode restored = dp2.deepCopy();
            ((ObjectNode) restored.get("attributes")).put("passerelle.checktoken.encryption-alg", "")
                    .put("use.jwks.string", "false").put("jwks.string", "");
            admin.put(path, restored);
        }
    }

    private static void assertInactive(JsonNode answer) {
        assertEquals(Map.of("active", false), Json.MAPPER.convertValue(answer, Map.class));
    }
}
