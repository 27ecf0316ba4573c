package fr.passerelle.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The wallet tests' trust, made afresh for each run before the server starts: the verifier's keystore,
 * the PID provider CA the server trusts (its anchors directory) and a PID provider under it, and an
 * untrusted CA with its own PID provider, as an impostor would have. The trusted CA's certificate and key
 * are also written as {@code pid-ca.pem} and {@code pid-ca-key.pem}, the layout of the demo wallet's directory.
 */
public final class WalletTrust {

    static final String KEYSTORE_PASSWORD = "wallet-test";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static WalletTrust instance;

    /** A PID provider's signing key (PKCS#8 PEM) and its {@code x5c} chain, leaf first. */
    public record Issuer(String keyPem, List<String> x5c) {
    }

    private final Path directory;
    private final Issuer trusted;
    private final Issuer untrusted;

    private WalletTrust(Path directory, Issuer trusted, Issuer untrusted) {
        this.directory = directory;
        this.trusted = trusted;
        this.untrusted = untrusted;
    }

    /** Created once per test run under the work directory. */
    public static synchronized WalletTrust get(Path workDir) {
        if (instance == null) {
            instance = create(workDir.resolve("wallet-trust"));
        }
        return instance;
    }

    /** The server's SPI options naming this trust. */
    public List<String> serverOptions() {
        String prefix = "--spi-identity-provider--passerelle-wallet--";
        return List.of(
                prefix + "verifier-keystore=" + directory.resolve("verifier.p12"),
                prefix + "verifier-keystore-password=" + KEYSTORE_PASSWORD,
                prefix + "trust-anchors=" + directory.resolve("anchors"));
    }

    /** Where the trust lives; the demo wallet run by the browser tests issues its PIDs under the trusted CA found there. */
    public Path directory() {
        return directory;
    }

    public Issuer trusted() {
        return trusted;
    }

    public Issuer untrusted() {
        return untrusted;
    }

    private static WalletTrust create(Path directory) {
        try {
            Files.createDirectories(directory.resolve("anchors"));
            KeyPair pidCaKeys = generate();
            X509Certificate pidCa = certificate("Passerelle Test PID Provider CA", pidCaKeys, "Passerelle Test PID Provider CA", pidCaKeys, true);
            Files.writeString(directory.resolve("anchors/pid-ca.pem"), pem("CERTIFICATE", pidCa.getEncoded()));
            // The same CA, key included, where the demo wallet looks for it: run against this directory, its PIDs are trusted.
            Files.writeString(directory.resolve("pid-ca.pem"), pem("CERTIFICATE", pidCa.getEncoded()));
            Files.writeString(directory.resolve("pid-ca-key.pem"), pem("PRIVATE KEY", pidCaKeys.getPrivate().getEncoded()));
            KeyPair pidKeys = generate();
            X509Certificate pid = certificate("Passerelle Test PID Provider", pidKeys, "Passerelle Test PID Provider CA", pidCaKeys, false);

            KeyPair rogueCaKeys = generate();
            X509Certificate rogueCa = certificate("Passerelle Test PID Provider CA", rogueCaKeys, "Passerelle Test PID Provider CA", rogueCaKeys, true);
            KeyPair rogueKeys = generate();
            X509Certificate rogue = certificate("Passerelle Test PID Provider", rogueKeys, "Passerelle Test PID Provider CA", rogueCaKeys, false);

            KeyPair verifierCaKeys = generate();
            X509Certificate verifierCa = certificate("Passerelle Test Verifier CA", verifierCaKeys, "Passerelle Test Verifier CA", verifierCaKeys, true);
            KeyPair verifierKeys = generate();
            X509Certificate verifier = certificate("Passerelle Test Verifier", verifierKeys, "Passerelle Test Verifier CA", verifierCaKeys, false);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("verifier", verifierKeys.getPrivate(), KEYSTORE_PASSWORD.toCharArray(), new Certificate[] {verifier, verifierCa});
            try (OutputStream out = Files.newOutputStream(directory.resolve("verifier.p12"))) {
                keyStore.store(out, KEYSTORE_PASSWORD.toCharArray());
            }
            return new WalletTrust(directory,
                    new Issuer(pem("PRIVATE KEY", pidKeys.getPrivate().getEncoded()), List.of(base64(pid), base64(pidCa))),
                    new Issuer(pem("PRIVATE KEY", rogueKeys.getPrivate().getEncoded()), List.of(base64(rogue), base64(rogueCa))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the wallet test PKI", e);
        }
    }

    private static KeyPair generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(30))), new X500Name("CN=" + subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static String base64(X509Certificate certificate) throws Exception {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
