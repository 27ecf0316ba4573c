package fr.passerelle.pivot.keycloak;

import java.security.SecureRandom;
import java.util.Base64;

import org.keycloak.models.KeycloakSession;
import org.keycloak.storage.configuration.ServerConfigStorageProvider;

/**
 * The platform secret behind every pairwise {@code sub}. Given by configuration, or else generated once
 * and kept in Keycloak's server configuration table ({@code SERVER_CONFIG}), which every cluster node
 * shares, which survives restarts, and which no realm export contains.
 */
public final class PlatformSecret {

    /** Versioned: rotating the secret is a new key (v2) and a new sub suffix, never an overwrite. */
    static final String STORAGE_KEY = "passerelle.platform-secret.v1";
    private static final int BYTES = 32;

    private static volatile byte[] configured;
    private static volatile byte[] stored;

    private PlatformSecret() {
    }

    /** Sets the secret from configuration (base64, at least 32 bytes); blank leaves it to the database. */
    static void configure(String base64) {
        if (base64 == null || base64.isBlank()) {
            configured = null;
            return;
        }
        byte[] secret = Base64.getDecoder().decode(base64.trim());
        if (secret.length < BYTES) {
            throw new IllegalArgumentException("The Passerelle platform secret must be at least " + BYTES + " bytes (base64)");
        }
        configured = secret;
    }

    public static byte[] get(KeycloakSession session) {
        byte[] secret = configured;
        if (secret != null) {
            return secret;
        }
        secret = stored;
        if (secret == null) {
            secret = Base64.getDecoder().decode(loadOrCreate(session));
            stored = secret;
        }
        return secret;
    }

    /** Atomic across nodes: the first node to need the secret creates it, the others read it. */
    private static String loadOrCreate(KeycloakSession session) {
        return session.getProvider(ServerConfigStorageProvider.class).loadOrCreate(STORAGE_KEY, PlatformSecret::generate);
    }

    private static String generate() {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
