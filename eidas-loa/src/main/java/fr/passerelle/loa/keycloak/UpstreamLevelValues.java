package fr.passerelle.loa.keycloak;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the level an identity provider answered with from the brokered login as Keycloak keeps it
 * between flows: the validated ID token as JSON (OIDC), the SAML {@code AuthnStatement} as XML, or
 * the level an identity provider with neither states itself (the wallet, whose verified PID is LoA high).
 */
public final class UpstreamLevelValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAML_ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    /** The brokered context's data entry where an identity provider with no ID token or assertion states its level. */
    public static final String STATED_LEVEL = "passerelle.stated-level";

    private UpstreamLevelValues() {
    }

    /** A level an identity provider stated in {@link #STATED_LEVEL}; empty when absent or blank. */
    public static List<String> fromStatedLevel(String level) {
        return level == null || level.isBlank() ? List.of() : List.of(level.strip());
    }

    /**
     * The {@code acr} claim of an ID token, given as JSON or, as Keycloak keeps it between flows,
     * as base64url-encoded JSON; empty when absent, blank or unreadable.
     */
    public static List<String> fromSerializedIdToken(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            return List.of();
        }
        try {
            String json = idToken.strip().startsWith("{") ? idToken
                    : new String(Base64.getUrlDecoder().decode(idToken.strip()), StandardCharsets.UTF_8);
            JsonNode acr = JSON.readTree(json).path("acr");
            return acr.isTextual() && !acr.asText().isBlank() ? List.of(acr.asText()) : List.of();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Every {@code AuthnContextClassRef} of a SAML {@code AuthnStatement}; empty when none or unreadable. */
    public static List<String> fromAuthnStatementXml(String authnStatementXml) {
        if (authnStatementXml == null || authnStatementXml.isBlank()) {
            return List.of();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            NodeList refs = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(authnStatementXml)))
                    .getElementsByTagNameNS(SAML_ASSERTION_NS, "AuthnContextClassRef");
            List<String> values = new ArrayList<>();
            for (int i = 0; i < refs.getLength(); i++) {
                String value = refs.item(i).getTextContent();
                if (value != null && !value.isBlank()) {
                    values.add(value.strip());
                }
            }
            return List.copyOf(values);
        } catch (Exception e) {
            return List.of();
        }
    }
}
