package fr.passerelle.wallet;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the verifier accepts.
 *
 * @param anchors          the PID providers' certificate authorities
 * @param vctValues        the credential types accepted as a PID
 * @param query            the DCQL query the answer must satisfy
 * @param clockSkew        tolerance on every time comparison
 * @param keyBindingMaxAge how old a key binding may be
 */
public record VerifierPolicy(TrustAnchors anchors, Set<String> vctValues, DcqlQuery query, Duration clockSkew, Duration keyBindingMaxAge) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_KEY_BINDING_MAX_AGE = Duration.ofMinutes(5);

    public VerifierPolicy {
        Objects.requireNonNull(anchors, "anchors");
        vctValues = Set.copyOf(vctValues);
        if (vctValues.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted credential type");
        }
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(keyBindingMaxAge, "keyBindingMaxAge");
    }

    /** The PID of the EU Digital Identity Wallet, {@code urn:eudi:pid:1}, with default tolerances. */
    public static VerifierPolicy pid(TrustAnchors anchors) {
        return new VerifierPolicy(anchors, Set.of(DcqlQuery.PID_VCT), DcqlQuery.pid(java.util.List.of(DcqlQuery.PID_VCT)),
                DEFAULT_CLOCK_SKEW, DEFAULT_KEY_BINDING_MAX_AGE);
    }
}
