package fr.passerelle.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.passerelle.e2e.AdminApi;
import fr.passerelle.e2e.PasserelleServer;
import fr.passerelle.e2e.ServiceProvider;

/**
 * The anchor of every ratio: stock-brokering realms created beside {@code passerelle} on the same server, with
 * nothing of the suite. Each brokers the same upstream realm ({@code idp-impots}, through a client of its own
 * there that sends the same claims as the broker's), imports the six identity claims with Keycloak's attribute
 * importers in sync mode FORCE, keeps Keycloak's default first-broker-login flow, and registers a confidential
 * PKCE client (the SP) and a confidential client for the data provider, put in the SP's tokens' audience so that
 * Keycloak's introspection answers it. One realm keeps Keycloak's default signature (RS256), the other is set to
 * ES256 like {@code passerelle}.
 */
final class StockRealms {

    static final String RS256 = "stock";
    static final String ES256 = "stock-es256";
    static final String SP = "bench-sp";
    static final String SP_SECRET = "bench-sp-secret";
    static final String DP = "bench-dp";
    static final String DP_SECRET = "bench-dp-secret";
    static final String IDP_ALIAS = "impots";
    private static final String UPSTREAM_REALM = "idp-impots";
    private static final String UPSTREAM_CLIENT = "stock-broker";
    private static final String UPSTREAM_SECRET = "stock-broker-secret";
    static final List<String> IDENTITY_CLAIMS = List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry");

    private StockRealms() {
    }

    static void create(PasserelleServer server) {
        AdminApi admin = server.admin();
        upstreamClient(server, admin);
        realm(server, admin, RS256, null);
        realm(server, admin, ES256, "ES256");
    }

    /** A client at the upstream IdP for the stock realms: a copy of the broker's (same claims), with its own redirects. */
    private static void upstreamClient(PasserelleServer server, AdminApi admin) {
        JsonNode original = admin.clientByClientId(UPSTREAM_REALM, "passerelle-broker");
        ObjectNode copy = original.deepCopy();
        copy.remove("id");
        copy.put("clientId", UPSTREAM_CLIENT);
        copy.put("name", "Stock brokering realms (benchmark)");
        copy.put("secret", UPSTREAM_SECRET);
        ArrayNode redirects = copy.putArray("redirectUris");
        ((ObjectNode) copy.get("attributes")).put("post.logout.redirect.uris", "+");
        for (String realm : List.of(RS256, ES256)) {
            redirects.add(server.realmUrl(realm) + "/broker/" + IDP_ALIAS + "/endpoint");
        }
        for (JsonNode mapper : copy.path("protocolMappers")) {
            ((ObjectNode) mapper).remove("id");
        }
        admin.post("/admin/realms/" + UPSTREAM_REALM + "/clients", copy);
    }

    private static void realm(PasserelleServer server, AdminApi admin, String name, String signatureAlgorithm) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        if (signatureAlgorithm != null) {
            realm.put("defaultSignatureAlgorithm", signatureAlgorithm);
        }
        admin.post("/admin/realms", realm);
        String base = "/admin/realms/" + name;
        if (signatureAlgorithm != null) {
            admin.post(base + "/components", Map.of("name", "ecdsa-generated", "providerId", "ecdsa-generated",
                    "providerType", "org.keycloak.keys.KeyProvider", "parentId", admin.get(base).get("id").asText(),
                    "config", Map.of("priority", List.of("100"), "ecdsaEllipticCurveKey", List.of("P-256"), "active", List.of("true"),
                            "enabled", List.of("true"))));
        }
        // The imported claims are not declared attributes of Keycloak's default user profile: let the realm keep them.
        ObjectNode profile = admin.get(base + "/users/profile").deepCopy();
        profile.put("unmanagedAttributePolicy", "ENABLED");
        putUserProfile(server, base + "/users/profile", profile.toString());

        Map<String, Object> idp = new LinkedHashMap<>();
        idp.put("alias", IDP_ALIAS);
        idp.put("providerId", "oidc");
        idp.put("enabled", true);
        String upstream = server.realmUrl(UPSTREAM_REALM) + "/protocol/openid-connect";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clientId", UPSTREAM_CLIENT);
        config.put("clientSecret", UPSTREAM_SECRET);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("authorizationUrl", upstream + "/auth");
        config.put("tokenUrl", upstream + "/token");
        config.put("userInfoUrl", upstream + "/userinfo");
        config.put("logoutUrl", upstream + "/logout");
        config.put("jwksUrl", upstream + "/certs");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("issuer", server.realmUrl(UPSTREAM_REALM));
        config.put("defaultScope", "openid");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("syncMode", "FORCE");
        idp.put("config", config);
        admin.post(base + "/identity-provider/instances", idp);
        for (String claim : IDENTITY_CLAIMS) {
            admin.post(base + "/identity-provider/instances/" + IDP_ALIAS + "/mappers", Map.of(
                    "name", claim, "identityProviderAlias", IDP_ALIAS, "identityProviderMapper", "oidc-user-attribute-idp-mapper",
                    "config", Map.of("syncMode", "FORCE", "claim", claim, "user.attribute", claim)));
        }

        admin.post(base + "/clients", Map.of("clientId", DP, "enabled", true, "publicClient", false, "secret", DP_SECRET,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false));
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("clientId", SP);
        sp.put("enabled", true);
        sp.put("publicClient", false);
        sp.put("secret", SP_SECRET);
        sp.put("standardFlowEnabled", true);
        sp.put("directAccessGrantsEnabled", false);
        sp.put("redirectUris", List.of(ServiceProvider.REDIRECT_URI));
        // A token that outlives the run, as the passerelle SP's is made to: the same token is checked throughout.
        sp.put("attributes", Map.of("pkce.code.challenge.method", "S256", "access.token.lifespan", "3600"));
        List<Map<String, Object>> mappers = new ArrayList<>();
        // The same identity in the SP's tokens as passerelle's identity scopes give, read from the imported attributes.
        for (String claim : IDENTITY_CLAIMS) {
            mappers.add(Map.of("name", claim, "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                    "config", Map.of("user.attribute", claim, "claim.name", claim, "jsonType.label", "String", "id.token.claim", "true",
                            "access.token.claim", "true", "userinfo.token.claim", "true", "introspection.token.claim", "true")));
        }
        mappers.add(Map.of("name", "data provider in audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", DP, "access.token.claim", "true", "introspection.token.claim", "true")));
        sp.put("protocolMappers", mappers);
        admin.post(base + "/clients", sp);
    }

    /** The user-profile endpoint answers its PUT with 200 and the new profile (the harness's admin client expects 204). */
    private static void putUserProfile(PasserelleServer server, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.admin().accessToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT " + path + " -> " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ServiceProvider serviceProvider(PasserelleServer server, String realm) {
        return new ServiceProvider(server, realm, SP, SP_SECRET);
    }
}
