package fr.passerelle.wallet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The verifier as wallets know it: a signing key and its certificate chain (leaf first). Its client
 * id uses the {@code x509_hash} prefix (OpenID4VP 1.0 §5.9.3): the base64url SHA-256 of the leaf
 * certificate, so the wallet can check the request object's signer without any registration.
 */
public record VerifierIdentity(PrivateKey signingKey, List<X509Certificate> chain) {

    public static final String CLIENT_ID_PREFIX = "x509_hash:";

    public VerifierIdentity {
        Objects.requireNonNull(signingKey, "signingKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a verifier certificate is needed");
        }
        EcKeys.requireP256(chain.get(0).getPublicKey());
    }

    public String clientId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded());
            return CLIENT_ID_PREFIX + Base64Url.encode(hash);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("the verifier certificate cannot be hashed", e);
        }
    }

    /** The {@code x5c} header value: each certificate's DER in standard base64. */
    List<String> x5c() {
        return chain.stream().map(certificate -> {
            try {
                return Base64.getEncoder().encodeToString(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("the verifier certificate cannot be encoded", e);
            }
        }).toList();
    }
}
