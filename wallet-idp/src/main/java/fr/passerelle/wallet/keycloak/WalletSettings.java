package fr.passerelle.wallet.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import fr.passerelle.wallet.StatusLists;
import fr.passerelle.wallet.TrustAnchors;
import fr.passerelle.wallet.VerifierIdentity;
import fr.passerelle.wallet.VerifierPolicy;

/**
 * The verifier's key material and trust, read once per node from the SPI configuration (never from a
 * realm file): the verifier's key and certificate from a PKCS#12 keystore, the PID providers' anchors
 * from a directory of certificates. Status lists fetched here are kept per node for their {@code ttl}.
 *
 * @param verifier    the verifier's signing key and certificate chain
 * @param policy      what the verifier accepts
 * @param statusLists the node's status list cache
 */
record WalletSettings(VerifierIdentity verifier, VerifierPolicy policy, StatusLists statusLists) {

    static final Logger LOG = Logger.getLogger("fr.passerelle.wallet");

    static final String KEYSTORE = "verifier-keystore";
    static final String KEYSTORE_PASSWORD = "verifier-keystore-password";
    static final String KEY_ALIAS = "verifier-key-alias";
    static final String TRUST_ANCHORS = "trust-anchors";
    static final String STATUS_LIST_TTL = "status-list-default-ttl";
    static final String STATUS_LIST_MAX_TTL = "status-list-max-ttl";

    /**
     * @return the settings, or {@code null} when the keystore or the anchors are not configured: the
     *         wallet then refuses every login with a configuration error rather than start half-trusted
     */
    static WalletSettings load(Config.Scope config, KeycloakSessionFactory sessions) {
        String keystore = config.get(KEYSTORE);
        String anchors = config.get(TRUST_ANCHORS);
        if (keystore == null || keystore.isBlank() || anchors == null || anchors.isBlank()) {
            LOG.infof("EU Digital Identity Wallet verifier not configured (%s and %s): wallet logins are unavailable", KEYSTORE,
                    TRUST_ANCHORS);
            return null;
        }
        try {
            VerifierIdentity verifier = verifier(Path.of(keystore), config.get(KEYSTORE_PASSWORD, ""), config.get(KEY_ALIAS));
            TrustAnchors trust = TrustAnchors.fromDirectory(Path.of(anchors));
            StatusLists statusLists = new StatusLists(uri -> fetch(sessions, uri), trust, Clock.systemUTC(),
                    Duration.ofSeconds(config.getLong(STATUS_LIST_TTL, 300L)), Duration.ofSeconds(config.getLong(STATUS_LIST_MAX_TTL, 3600L)));
            LOG.infof("EU Digital Identity Wallet verifier %s with %d PID provider trust anchor(s)", verifier.clientId(), trust.size());
            return new WalletSettings(verifier, VerifierPolicy.pid(trust), statusLists);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot load the EU Digital Identity Wallet verifier settings: " + e.getMessage(), e);
        }
    }

    private static VerifierIdentity verifier(Path path, String password, String alias) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            keyStore.load(in, password.toCharArray());
        }
        String entry = alias;
        if (entry == null || entry.isBlank()) {
            entry = Collections.list(keyStore.aliases()).stream().filter(a -> isKeyEntry(keyStore, a)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the verifier keystore holds no private key"));
        }
        PrivateKey key = (PrivateKey) keyStore.getKey(entry, password.toCharArray());
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : keyStore.getCertificateChain(entry)) {
            chain.add((X509Certificate) certificate);
        }
        return new VerifierIdentity(key, chain);
    }

    private static boolean isKeyEntry(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Through Keycloak's HTTP client, so that its proxy, trust store and size limits apply. */
    private static String fetch(KeycloakSessionFactory sessions, String uri) throws IOException {
        if (!uri.startsWith("https://") && !uri.startsWith("http://")) {
            throw new IOException("a status list URI is http or https");
        }
        try (KeycloakSession session = sessions.create()) {
            return session.getProvider(HttpClientProvider.class).getString(uri);
        }
    }
}
