package fr.passerelle.consent.keycloak;

import java.time.Clock;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.ECDSASignatureProvider;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureProviderFactory;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.consent.VerifiedSignatures;

/**
 * Keycloak's ES256 signature provider (same id, so it takes the built-in one's place), whose verifications of the
 * realm's own tokens remember the signatures found valid: a token checked again ({@code checktoken}, introspection,
 * userinfo) skips the P-256 verification, which is most of a check's CPU. The key is still looked up on every call
 * (a key removed or disabled fails as before), and everything else about the token (expiry, session, logout,
 * revocation) is checked by the caller as before. Signing is Keycloak's, unchanged.
 *
 * <p>Options: {@code --spi-signature--ES256--remembered-signatures} (entries, default 100,000, about 15 MB) and
 * {@code --spi-signature--ES256--remember-seconds} (default 3,600; longer than any access token of the shipped realms).
 */
public class RememberingES256SignatureProviderFactory implements SignatureProviderFactory {

    static final int DEFAULT_CAPACITY = 100_000;
    static final long DEFAULT_SECONDS = 3_600;

    private VerifiedSignatures verified;

    @Override
    public String getId() {
        return Algorithm.ES256;
    }

    @Override
    public void init(Config.Scope config) {
        verified = new VerifiedSignatures(config.getInt("remembered-signatures", DEFAULT_CAPACITY),
                config.getLong("remember-seconds", DEFAULT_SECONDS) * 1000, Clock.systemUTC());
    }

    @Override
    public SignatureProvider create(KeycloakSession session) {
        return new Remembering(new ECDSASignatureProvider(session, Algorithm.ES256), verified);
    }

    @Override
    public Set<String> getJwkPrivateKeyClaims() {
        return EC_PRIVATE_JWK_CLAIMS;
    }

    private record Remembering(SignatureProvider delegate, VerifiedSignatures verified) implements SignatureProvider {

        @Override
        public SignatureSignerContext signer() throws SignatureException {
            return delegate.signer();
        }

        @Override
        public SignatureSignerContext signer(KeyWrapper key) throws SignatureException {
            return delegate.signer(key);
        }

        /** The realm's key by id: the only path the server's own token checks take. */
        @Override
        public SignatureVerifierContext verifier(String kid) throws VerificationException {
            return new RememberingVerifier(delegate.verifier(kid), verified);
        }

        /** A key handed in by the caller (a client's or an IdP's key): not remembered. */
        @Override
        public SignatureVerifierContext verifier(KeyWrapper key) throws VerificationException {
            return delegate.verifier(key);
        }

        @Override
        public boolean isAsymmetricAlgorithm() {
            return delegate.isAsymmetricAlgorithm();
        }
    }

    private record RememberingVerifier(SignatureVerifierContext delegate, VerifiedSignatures verified) implements SignatureVerifierContext {

        @Override
        public String getKid() {
            return delegate.getKid();
        }

        @Override
        public String getAlgorithm() {
            return delegate.getAlgorithm();
        }

        @Override
        public boolean verify(byte[] data, byte[] signature) throws VerificationException {
            if (verified.contains(getKid(), getAlgorithm(), data, signature)) {
                return true;
            }
            boolean valid = delegate.verify(data, signature);
            if (valid) {
                verified.add(getKid(), getAlgorithm(), data, signature);
            }
            return valid;
        }
    }
}
