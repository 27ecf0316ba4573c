package fr.passerelle.loa.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class UpstreamLevelValuesTest {

    @Test
    void readsTheAcrOfAnIdTokenKeptAsBase64urlJson() {
        String kept = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"x\",\"acr\":\"eidas2\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("eidas2"), UpstreamLevelValues.fromSerializedIdToken(kept));
    }

    @Test
    void readsTheAcrOfAnIdTokenGivenAsJson() {
        assertEquals(List.of("eidas1"), UpstreamLevelValues.fromSerializedIdToken("{\"acr\":\"eidas1\"}"));
    }

    @Test
    void anIdTokenWithoutAcrOrUnreadableGivesNothing() {
        assertEquals(List.of(), UpstreamLevelValues.fromSerializedIdToken("{\"sub\":\"x\"}"));
        assertEquals(List.of(), UpstreamLevelValues.fromSerializedIdToken("{\"acr\":\"  \"}"));
        assertEquals(List.of(), UpstreamLevelValues.fromSerializedIdToken("not base64 !"));
        assertEquals(List.of(), UpstreamLevelValues.fromSerializedIdToken(null));
    }

    @Test
    void readsTheLevelAWalletStated() {
        assertEquals(List.of("eidas3"), UpstreamLevelValues.fromStatedLevel(" eidas3 "));
        assertEquals(List.of(), UpstreamLevelValues.fromStatedLevel(" "));
        assertEquals(List.of(), UpstreamLevelValues.fromStatedLevel(null));
    }

    @Test
    void readsEveryClassRefOfAnAuthnStatement() {
        String statement = "<saml:AuthnStatement xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" AuthnInstant=\"2026-01-01T00:00:00Z\">"
                + "<saml:AuthnContext><saml:AuthnContextClassRef>http://eidas.europa.eu/LoA/substantial</saml:AuthnContextClassRef>"
                + "</saml:AuthnContext></saml:AuthnStatement>";
        assertEquals(List.of("http://eidas.europa.eu/LoA/substantial"), UpstreamLevelValues.fromAuthnStatementXml(statement));
    }

    @Test
    void anAuthnStatementWithADoctypeIsNotRead() {
        String hostile = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<saml:AuthnContextClassRef xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">&e;</saml:AuthnContextClassRef>";
        assertEquals(List.of(), UpstreamLevelValues.fromAuthnStatementXml(hostile));
    }
}
