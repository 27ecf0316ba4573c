package fr.passerelle.pivot.keycloak;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.storage.configuration.ServerConfigStorageProvider;

import fr.passerelle.pivot.IdentityKeyring;
import fr.passerelle.pivot.PairwiseSub;
import fr.passerelle.pivot.VersionedSecret;

/**
 * The platform's two versioned secrets: the one behind every pairwise {@code sub} and the one behind every identity
 * key. Each version is given by configuration ({@code <option>} for v1, {@code <option>-v2}, … for later ones), or
 * else generated once and kept in Keycloak's server configuration table ({@code SERVER_CONFIG}), which every cluster
 * node shares, which survives restarts, and which no realm export contains. Which version new derivations use is an
 * option too ({@code sub-version}, {@code identity-key-version}; v1 by default): rotating is naming the next version,
 * never changing a secret under its version.
 */
public final class PlatformSecret {

    /** The secret of every pairwise {@code sub}: options of the {@code passerelle-pairwise-sub} protocol mapper. */
    public static final PlatformSecret SUB = new PlatformSecret("platform-secret", "sub-version", "passerelle.platform-secret.");

    /** The secret of every identity key: options of the {@code passerelle-pivot-identity-mapper} IdP mapper. */
    public static final PlatformSecret IDENTITY_KEY =
            new PlatformSecret("identity-key-secret", "identity-key-version", "passerelle.identity-key-secret.");

    /** Versions looked for in configuration: far more than a platform will ever rotate through. */
    private static final int MAX_CONFIGURED_VERSION = 20;

    private final String option;
    private final String versionOption;
    private final String storagePrefix;
    /** Read once per version: an earlier version's secret never appears without a restart (configuration). */
    private final Map<String, Optional<VersionedSecret>> stored = new ConcurrentHashMap<>();
    private volatile Map<String, VersionedSecret> configured = Map.of();
    private volatile String currentVersion = PairwiseSub.FIRST_VERSION;

    private PlatformSecret(String option, String versionOption, String storagePrefix) {
        this.option = option;
        this.versionOption = versionOption;
        this.storagePrefix = storagePrefix;
    }

    /** Reads the options; a secret shorter than 32 bytes or a bad version stops the server at start. */
    void configure(Config.Scope config) {
        Map<String, String> base64 = new TreeMap<>();
        for (int number = 1; number <= MAX_CONFIGURED_VERSION; number++) {
            String value = config.get(number == 1 ? option : option + "-v" + number);
            if (value != null && !value.isBlank()) {
                base64.put("v" + number, value);
            }
        }
        configure(base64, config.get(versionOption));
    }

    void configure(Map<String, String> base64ByVersion, String version) {
        Map<String, VersionedSecret> secrets = new TreeMap<>();
        base64ByVersion.forEach((v, value) -> {
            byte[] bytes = Base64.getDecoder().decode(value.trim());
            if (bytes.length < VersionedSecret.MIN_BYTES) {
                throw new IllegalArgumentException("The Passerelle " + option + " (" + v + ") must be at least "
                        + VersionedSecret.MIN_BYTES + " bytes (base64)");
            }
            secrets.put(v, new VersionedSecret(v, bytes));
        });
        String current = version == null || version.isBlank() ? PairwiseSub.FIRST_VERSION : version.trim();
        if (!VersionedSecret.isVersion(current)) {
            throw new IllegalArgumentException("The Passerelle " + versionOption + " must be v1, v2, …: " + current);
        }
        configured = Map.copyOf(secrets);
        currentVersion = current;
        stored.clear();
    }

    /** The version new derivations use. */
    public String currentVersion() {
        return currentVersion;
    }

    /** The current version's secret: configured, or else stored, created by the first node that needs it. */
    public VersionedSecret current(KeycloakSession session) {
        return secret(session, currentVersion).orElseThrow();
    }

    /**
     * A version's secret: configured, or else stored; the current version's is created when missing, an earlier one
     * never (a secret made up for an earlier version would silently derive wrong values).
     */
    public Optional<VersionedSecret> secret(KeycloakSession session, String version) {
        VersionedSecret secret = configured.get(version);
        if (secret != null) {
            return Optional.of(secret);
        }
        Optional<VersionedSecret> known = stored.get(version);
        if (known != null) {
            return known;
        }
        ServerConfigStorageProvider storage = session.getProvider(ServerConfigStorageProvider.class);
        Optional<String> base64 = version.equals(currentVersion)
                // Atomic across nodes: the first node to need the secret creates it, the others read it.
                ? Optional.of(storage.loadOrCreate(storagePrefix + version, PlatformSecret::generate))
                : storage.find(storagePrefix + version);
        Optional<VersionedSecret> found = base64.map(value -> new VersionedSecret(version, Base64.getDecoder().decode(value)));
        stored.put(version, found);
        return found;
    }

    /**
     * The other versions whose secret is held: those below the current one (configured or stored), and any configured
     * one above it (given to the node ahead of being named current, for a rolling switch).
     */
    List<VersionedSecret> others(KeycloakSession session) {
        List<VersionedSecret> others = new ArrayList<>();
        int current = VersionedSecret.number(currentVersion);
        for (int number = current - 1; number >= 1; number--) {
            secret(session, "v" + number).ifPresent(others::add);
        }
        configured.values().stream().filter(secret -> secret.number() > current).forEach(others::add);
        return others;
    }

    /** The identity-key secrets as the core needs them. */
    static IdentityKeyring keyring(KeycloakSession session) {
        return new IdentityKeyring(IDENTITY_KEY.current(session), IDENTITY_KEY.others(session));
    }

    private static String generate() {
        byte[] secret = new byte[VersionedSecret.MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
