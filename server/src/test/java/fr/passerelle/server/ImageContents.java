package fr.passerelle.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Dockerfile puts into the image, read from the Dockerfile itself, and what is wrong with it: any demo
 * artifact, any secret, any wildcard redirect URI. Each finding names the file.
 */
final class ImageContents {

    /** The broker's own clients, which a production realm may hold: public, no secret, exact redirect URIs. */
    static final Set<String> PLATFORM_CLIENTS = Set.of("passerelle-dashboard");
    static final Set<String> PRODUCTION_REALMS = Set.of("passerelle");

    private static final Pattern COPY = Pattern.compile("^COPY\\s+(.*)$", Pattern.MULTILINE);
    private static final Pattern DEMO = Pattern.compile("d[eé]mo", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "clientSecret", "password");
    private static final Set<String> KEY_MATERIAL_FIELDS = Set.of("privateKey", "certificate", "hmacGeneratedSecret", "secretData", "keystore");
    private static final Pattern CONF_SECRET = Pattern.compile("^\\s*[\\w.-]*(password|secret|token|private)[\\w.-]*\\s*=\\s*\\S", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageContents() {
    }

    /** The sources of the Dockerfile's COPY instructions from the build context (not those copied between stages). */
    static List<Path> copiedFromContext(Path dockerfile, Path context) throws IOException {
        List<Path> sources = new ArrayList<>();
        Matcher copy = COPY.matcher(Files.readString(dockerfile));
        while (copy.find()) {
            List<String> words = new ArrayList<>(List.of(copy.group(1).trim().split("\\s+")));
            if (words.stream().anyMatch(w -> w.startsWith("--from"))) {
                continue;
            }
            words.removeIf(w -> w.startsWith("--"));
            for (String source : words.subList(0, words.size() - 1)) {
                sources.add(context.resolve(source).normalize());
            }
        }
        return sources;
    }

    /** Every finding in these files and folders (walked whole). */
    static List<String> findings(List<Path> sources) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path source : sources) {
            if (!Files.exists(source)) {
                findings.add(source + ": copied by the Dockerfile but missing (run the build first)");
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    inspect(file, findings);
                }
            }
        }
        return findings;
    }

    private static void inspect(Path file, List<String> findings) throws IOException {
        String name = file.getFileName().toString();
        if (DEMO.matcher(name).find()) {
            findings.add(file + ": demo artifact");
        }
        if (name.endsWith(".jar")) {
            inspectJar(file, findings);
        } else if (name.endsWith(".json")) {
            inspectRealm(file, JSON.readTree(file.toFile()), findings);
        } else if (name.endsWith(".conf") || name.endsWith(".properties")) {
            Matcher secret = CONF_SECRET.matcher(Files.readString(file));
            while (secret.find()) {
                findings.add(file + ": secret setting " + secret.group().trim().split("=")[0].trim());
            }
        }
    }

    private static void inspectJar(Path jar, List<String> findings) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().contains("/demo/")) {
                    findings.add(jar + ": demo artifact " + entry.getName());
                } else if (entry.getName().startsWith("META-INF/services/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        String services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        if (DEMO.matcher(services).find()) {
                            findings.add(jar + ": demo provider registered in " + entry.getName());
                        }
                    }
                } else if (entry.getName().endsWith(".json") && entry.getName().contains("realm")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        inspectRealm(Path.of(jar + "!" + entry.getName()), JSON.readTree(in), findings);
                    }
                }
            }
        }
    }

    private static void inspectRealm(Path file, JsonNode realm, List<String> findings) {
        String name = realm.path("realm").asText();
        if (!PRODUCTION_REALMS.contains(name)) {
            findings.add(file + ": realm " + name + " is not a production realm");
        }
        if (!realm.path("users").isEmpty()) {
            findings.add(file + ": people (" + realm.get("users").size() + " users)");
        }
        if (!realm.path("identityProviders").isEmpty()) {
            findings.add(file + ": identity providers " + aliases(realm.get("identityProviders"), "alias"));
        }
        if (!realm.path("identityProviderMappers").isEmpty()) {
            findings.add(file + ": identity provider mappers");
        }
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asText();
            if (!PLATFORM_CLIENTS.contains(clientId)) {
                findings.add(file + ": client " + clientId);
            }
            for (JsonNode uri : client.path("redirectUris")) {
                if (uri.asText().contains("*")) {
                    findings.add(file + ": wildcard redirect URI " + uri.asText() + " (client " + clientId + ")");
                }
            }
            String postLogout = client.path("attributes").path("post.logout.redirect.uris").asText();
            if (postLogout.contains("*")) {
                findings.add(file + ": wildcard post-logout redirect URI " + postLogout + " (client " + clientId + ")");
            }
            for (JsonNode origin : client.path("webOrigins")) {
                if (origin.asText().equals("*")) {
                    findings.add(file + ": web origin * (client " + clientId + ")");
                }
            }
        }
        collectSecrets(file, realm, findings);
        List<String> demoStrings = new ArrayList<>();
        collectStrings(realm, demoStrings);
        demoStrings.stream().filter(s -> DEMO.matcher(s).find()).forEach(s -> findings.add(file + ": demo text \"" + s + "\""));
    }

    private static void collectSecrets(Path file, JsonNode node, List<String> findings) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                boolean passwordValue = key.equals("value") && "password".equals(node.path("type").asText());
                if (KEY_MATERIAL_FIELDS.contains(key)) {
                    findings.add(file + ": key material " + key);
                } else if ((SECRET_FIELDS.contains(key) || passwordValue) && field.getValue().isTextual() && !field.getValue().asText().isEmpty()) {
                    findings.add(file + ": secret " + key);
                } else {
                    collectSecrets(file, field.getValue(), findings);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectSecrets(file, child, findings));
        }
    }

    private static void collectStrings(JsonNode node, List<String> strings) {
        if (node.isTextual()) {
            strings.add(node.asText());
        } else {
            node.forEach(child -> collectStrings(child, strings));
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(strings::add);
            }
        }
    }

    private static List<String> aliases(JsonNode nodes, String field) {
        List<String> aliases = new ArrayList<>();
        nodes.forEach(n -> aliases.add(n.path(field).asText().toLowerCase(Locale.ROOT)));
        return aliases;
    }
}
