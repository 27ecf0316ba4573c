package fr.passerelle.pivot.keycloak;

import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * The platform secret behind every pairwise {@code sub}. Given by configuration, or else generated once
 * and kept in Keycloak's server configuration table ({@code SERVER_CONFIG}), which every cluster node
 * shares, which survives restarts, and which no realm export contains.
 */
public final class PlatformSecret {

    /** Versioned: rotating the secret is a new key (v2) and a new sub suffix, never an overwrite. */
    static final String STORAGE_KEY = "passerelle.platform-secret.v1";
    private static final int BYTES = 32;
    private static final String STORAGE_PROVIDER = "org.keycloak.storage.configuration.ServerConfigStorageProvider";

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

    /**
     * {@code ServerConfigStorageProvider} lives in keycloak-model-storage, which the Maven registry does not
     * serve at 26.7.3; it is on the server's class path, so it is reached by name. Its loadOrCreate is
     * atomic across nodes: the first node to need the secret creates it, the others read it.
     */
    @SuppressWarnings("unchecked")
    private static String loadOrCreate(KeycloakSession session) {
        try {
            Class<? extends Provider> type = (Class<? extends Provider>) Class.forName(STORAGE_PROVIDER, true, Provider.class.getClassLoader());
            Object storage = session.getProvider(type);
            Method loadOrCreate = type.getMethod("loadOrCreate", String.class, Supplier.class);
            Supplier<String> generate = PlatformSecret::generate;
            return (String) loadOrCreate.invoke(storage, STORAGE_KEY, generate);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the Passerelle platform secret from the server configuration storage", e);
        }
    }

    private static String generate() {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
