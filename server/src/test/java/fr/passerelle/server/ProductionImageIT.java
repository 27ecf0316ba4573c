package fr.passerelle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the production image receives: exactly the build-context paths docker/Dockerfile copies, read from the
 * Dockerfile, after the build staged them. No demo artifact, no secret, no wildcard redirect URI.
 */
class ProductionImageIT {

    private final Path root = Path.of(System.getProperty("passerelle.project.root", "..")).toAbsolutePath().normalize();

    @Test
    void theImageReceivesTheStagedProvidersTheProductionRealmAndTheOptionsFileOnly() throws IOException {
        List<Path> copied = ImageContents.copiedFromContext(root.resolve("docker/Dockerfile"), root);
        assertEquals(List.of(root.resolve("server/target/production/providers"), root.resolve("docker/keycloak.conf"),
                root.resolve("server/target/production/import")), copied);
    }

    @Test
    void noDemoArtifactNoSecretNoWildcardRedirectInWhatTheImageReceives() throws IOException {
        List<Path> copied = ImageContents.copiedFromContext(root.resolve("docker/Dockerfile"), root);
        List<String> findings = ImageContents.findings(copied);
        assertEquals(List.of(), findings);
    }

    @Test
    void theProductionStagingHasTheSuiteButNotTheDemoIdp() {
        Path providers = root.resolve("server/target/production/providers");
        for (String jar : List.of("passerelle-pivot-mapper.jar", "passerelle-eidas-loa.jar", "passerelle-consent-broker.jar", "passerelle-onboarding.jar", "passerelle-themes.jar")) {
            assertTrue(providers.resolve(jar).toFile().isFile(), jar + " staged for the image");
        }
        assertTrue(root.resolve("server/target/production/import/passerelle-realm.json").toFile().isFile());
    }

    /** The same inspection on the demo server (start.sh, the tests) finds each kind of thing it must refuse. */
    @Test
    void theInspectionFindsTheDemoJarTheDemoRealmsTheirSecretsAndWildcardsInTheDemoServer() throws IOException {
        Path demo = root.resolve(System.getProperty("passerelle.server.home", "server/target/keycloak"));
        List<String> findings = ImageContents.findings(List.of(demo.resolve("providers"), demo.resolve("data/import")));
        assertTrue(findings.stream().anyMatch(f -> f.contains("passerelle-demo-idp.jar: demo artifact")), String.join("\n", findings));
        assertTrue(findings.stream().anyMatch(f -> f.contains("realm idp-impots is not a production realm")), String.join("\n", findings));
        assertTrue(findings.stream().anyMatch(f -> f.contains(": secret secret")), String.join("\n", findings));
        assertTrue(findings.stream().anyMatch(f -> f.contains(": secret value")), "demo people's passwords");
        assertTrue(findings.stream().anyMatch(f -> f.contains("client demo-dp")), String.join("\n", findings));
        assertTrue(findings.stream().anyMatch(f -> f.contains("identity providers")), String.join("\n", findings));
    }

    @Test
    void theInspectionFindsAWildcardRedirectUri(@TempDir Path dir) throws IOException {
        // The shipped demo clients have exact URIs too, so the inspection is shown one it must refuse.
        Files.writeString(dir.resolve("some-realm.json"), """
                {"realm": "passerelle", "clients": [{"clientId": "a-service", "redirectUris": ["https://service.example/*"],
                  "attributes": {"post.logout.redirect.uris": "https://service.example/*"}}]}
                """);
        List<String> findings = ImageContents.findings(List.of(dir));
        assertTrue(findings.stream().anyMatch(f -> f.contains("wildcard redirect URI https://service.example/*")), String.join("\n", findings));
        assertTrue(findings.stream().anyMatch(f -> f.contains("wildcard post-logout redirect URI")), String.join("\n", findings));
    }
}
