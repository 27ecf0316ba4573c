package fr.passerelle.wallet;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
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

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Test certificate authorities and the certificates they issue, made afresh for each test run. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1);

    /** A key pair with its certificate and the chain above it (leaf first, anchor excluded). */
    record Issued(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {
        ArrayNode x5c() {
            ArrayNode x5c = Json.MAPPER.createArrayNode();
            for (X509Certificate certificate : chain) {
                try {
                    x5c.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return x5c;
        }
    }

    private TestPki() {
    }

    static Issued rootCa(String name) {
        KeyPair keys = EcKeys.generate();
        X509Certificate certificate = certificate(name, keys, name, keys, true, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
        return new Issued(keys, certificate, List.of(certificate));
    }

    static Issued leaf(Issued ca, String name) {
        return leaf(ca, name, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));
    }

    static Issued leaf(Issued ca, String name, Instant notBefore, Instant notAfter) {
        KeyPair keys = EcKeys.generate();
        X509Certificate certificate = certificate(name, keys, ca.certificate().getSubjectX500Principal().getName(), ca.keys(), false,
                notBefore, notAfter);
        return new Issued(keys, certificate, List.of(certificate));
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca,
            Instant notBefore, Instant notAfter) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer.startsWith("CN=") ? issuer : "CN=" + issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + subject),
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
