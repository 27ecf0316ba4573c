package fr.passerelle.demo.wallet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo's trust, kept in one directory so that a restart keeps it:
 * <ul>
 * <li>{@code pid-ca.pem} and {@code pid-ca-key.pem}: the demo PID provider's CA (a test CA, nothing official);</li>
 * <li>{@code anchors/pid-ca.pem}: the same certificate, as the broker's PID provider trust anchors directory;</li>
 * <li>{@code verifier.p12}: the broker's demo verifier key and certificate (in production, the operator's).</li>
 * </ul>
 * What already exists is kept: {@link #init} only fills in what is missing, so a directory prepared by
 * someone else (the tests' own CA) is used as it is.
 */
public final class DemoTrust {

    public static final String VERIFIER_KEYSTORE_PASSWORD = "demo-verifier";
    private static final String CA_CERTIFICATE = "pid-ca.pem";
    private static final String CA_KEY = "pid-ca-key.pem";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The PID provider's signing key and its certificate chain (leaf, then CA). */
    public record Issuer(PrivateKey key, X509Certificate certificate, X509Certificate ca) {
    }

    private DemoTrust() {
    }

    /** Creates whatever of the demo trust is missing in {@code directory}. */
    public static void init(Path directory) {
        try {
            Files.createDirectories(directory.resolve("anchors"));
            if (!Files.exists(directory.resolve(CA_CERTIFICATE)) || !Files.exists(directory.resolve(CA_KEY))) {
                KeyPair caKeys = generate();
                X509Certificate ca = certificate("Passerelle Demo PID Provider CA", caKeys, "Passerelle Demo PID Provider CA",
                        caKeys.getPrivate(), true, Duration.ofDays(3650));
                Files.writeString(directory.resolve(CA_KEY), pem("PRIVATE KEY", caKeys.getPrivate().getEncoded()));
                Files.writeString(directory.resolve(CA_CERTIFICATE), pem("CERTIFICATE", ca.getEncoded()));
            }
            Path anchor = directory.resolve("anchors").resolve(CA_CERTIFICATE);
            if (!Files.exists(anchor)) {
                Files.copy(directory.resolve(CA_CERTIFICATE), anchor);
            }
            Path verifier = directory.resolve("verifier.p12");
            if (!Files.exists(verifier)) {
                KeyPair verifierKeys = generate();
                X509Certificate certificate = certificate("Passerelle Demo Verifier", verifierKeys, "Passerelle Demo Verifier",
                        verifierKeys.getPrivate(), false, Duration.ofDays(3650));
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("verifier", verifierKeys.getPrivate(), VERIFIER_KEYSTORE_PASSWORD.toCharArray(),
                        new Certificate[] {certificate});
                try (OutputStream out = Files.newOutputStream(verifier)) {
                    keyStore.store(out, VERIFIER_KEYSTORE_PASSWORD.toCharArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the demo trust in " + directory, e);
        }
    }

    /** A fresh PID provider key with a certificate issued by the CA in {@code directory}. */
    public static Issuer pidProvider(Path directory) {
        try {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(Files.readAllBytes(directory.resolve(CA_CERTIFICATE))));
            PrivateKey caKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(directory.resolve(CA_KEY)))));
            KeyPair keys = generate();
            X509Certificate leaf = certificate("Passerelle Demo PID Provider", keys,
                    ca.getSubjectX500Principal().getName(), caKey, false, Duration.ofDays(365));
            return new Issuer(keys.getPrivate(), leaf, ca);
        } catch (IOException e) {
            throw new UncheckedIOException("no demo PID provider CA in " + directory + " (run the init command first)", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the demo PID provider certificate", e);
        }
    }

    static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey, boolean ca,
            Duration validity) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer.startsWith("CN=") ? issuer : "CN=" + issuer),
                new BigInteger(63, RANDOM), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)),
                new X500Name("CN=" + subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
