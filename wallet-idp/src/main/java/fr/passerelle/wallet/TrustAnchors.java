package fr.passerelle.wallet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The PID providers' certificate authorities this verifier trusts. An issuer is known only by the
 * {@code x5c} chain in its signature header, which must lead to one of these anchors.
 */
public final class TrustAnchors {

    private final Set<TrustAnchor> anchors;

    public TrustAnchors(Collection<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor");
        }
        Set<TrustAnchor> set = new HashSet<>();
        certificates.forEach(certificate -> set.add(new TrustAnchor(certificate, null)));
        this.anchors = Set.copyOf(set);
    }

    /** Every certificate in the PEM or DER files ({@code .pem}, {@code .crt}, {@code .cer}) of a directory. */
    public static TrustAnchors fromDirectory(Path directory) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{pem,crt,cer}")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (java.security.cert.Certificate certificate : factory().generateCertificates(in)) {
                        certificates.add((X509Certificate) certificate);
                    }
                } catch (CertificateException e) {
                    throw new IOException("not a certificate file: " + file.getFileName(), e);
                }
            }
        }
        return new TrustAnchors(certificates);
    }

    public int size() {
        return anchors.size();
    }

    /**
     * Validates an {@code x5c} header (leaf first, DER in standard base64) to the anchors at a given time.
     *
     * @return the leaf certificate, whose key signs the credential
     * @throws WalletRefusedException {@link WalletRefusal#UNTRUSTED_ISSUER} when it does not chain
     */
    public X509Certificate validate(JsonNode x5c, Instant at) throws WalletRefusedException {
        if (x5c == null || !x5c.isArray() || x5c.isEmpty() || x5c.size() > 10) {
            throw new WalletRefusedException(WalletRefusal.UNTRUSTED_ISSUER, "no x5c chain");
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (JsonNode entry : x5c) {
                byte[] der = java.util.Base64.getDecoder().decode(entry.asText());
                chain.add((X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der)));
            }
            // The anchor itself may close the chain; PKIX wants it left out.
            List<X509Certificate> path = new ArrayList<>(chain);
            if (path.size() > 1 && isAnchor(path.get(path.size() - 1))) {
                path.remove(path.size() - 1);
            }
            CertPath certPath = factory().generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            // Revocation of PID provider certificates is out of this version's scope; see the wallet documentation.
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return chain.get(0);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WalletRefusedException(WalletRefusal.UNTRUSTED_ISSUER, "the x5c chain does not lead to a trust anchor", e);
        }
    }

    private boolean isAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(anchor -> anchor.getTrustedCert().equals(certificate));
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
