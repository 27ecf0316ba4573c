package fr.passerelle.demo.dp;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks a signed {@code checktoken} answer (RFC 9701 token introspection response as a JWT): HS256 keyed by this
 * DP's client secret when it authenticates with that secret, else ES256 by a key the broker realm publishes; typed {@code token-introspection+jwt} (nothing else: an ID
 * token or access token signed by the same key is not an answer), {@code iss} the broker, {@code aud} this data
 * provider, issued just now, and never seen before (its {@code jti} is remembered as long as its {@code iat}
 * would be accepted, so a recorded answer played back is refused). Only then is its
 * {@code token_introspection} object believed.
 */
public final class SignedIntrospectionVerifier {

    static final JOSEObjectType INTROSPECTION_JWT = new JOSEObjectType("token-introspection+jwt");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();

    /** For a DP that authenticates with a key of its own: answers signed ES256 by a key the broker realm publishes. */
    public SignedIntrospectionVerifier(JWKSource<SecurityContext> brokerKeys, String issuer, String dataProviderId, Clock clock) {
        this(JWSAlgorithm.ES256, brokerKeys, issuer, dataProviderId, clock);
    }

    /**
     * For a DP that authenticates with its client secret (as the demo DP does): answers signed HS256 keyed by that
     * secret, and nothing else. The algorithm is this DP's choice, never the answer's header: an answer claiming
     * another algorithm (an ES256 one, or HS256 keyed by the realm's public key) is refused.
     */
    public static SignedIntrospectionVerifier withClientSecret(String clientSecret, String issuer, String dataProviderId, Clock clock) {
        return new SignedIntrospectionVerifier(JWSAlgorithm.HS256,
                new ImmutableSecret<>(clientSecret.getBytes(StandardCharsets.UTF_8)), issuer, dataProviderId, clock);
    }

    private SignedIntrospectionVerifier(JWSAlgorithm algorithm, JWKSource<SecurityContext> keys, String issuer, String dataProviderId,
                                        Clock clock) {
        this.clock = clock;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(INTROSPECTION_JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                Set.of(dataProviderId),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("iat", "jti", "token_introspection"),
                null));
    }

    /** The introspection the broker signed, or an exception saying why the answer is not believed. */
    public TokenIntrospection verify(String jwt) throws UnverifiableAnswer {
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            Instant issued = claims.getIssueTime().toInstant();
            Instant now = clock.instant();
            if (issued.isAfter(now.plus(CLOCK_SKEW)) || issued.isBefore(now.minus(MAX_AGE))) {
                throw new UnverifiableAnswer("checktoken answer issued at " + issued + ", not just now");
            }
            if (!firstTime(claims.getJWTID(), now)) {
                throw new UnverifiableAnswer("checktoken answer " + claims.getJWTID() + " already used: a replay");
            }
            Map<String, Object> introspection = claims.getJSONObjectClaim("token_introspection");
            return TokenIntrospection.fromClaims(introspection);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new UnverifiableAnswer("checktoken answer not verified: " + e.getMessage(), e);
        }
    }

    /** Remembers an answer id until its age would refuse it anyway; false when it was already seen. */
    private synchronized boolean firstTime(String answerId, Instant now) {
        seen.values().removeIf(firstSeen -> firstSeen.isBefore(now.minus(MAX_AGE).minus(CLOCK_SKEW)));
        return seen.putIfAbsent(answerId, now) == null;
    }

    /** The broker's answer could not be verified; nothing in it may be used. */
    public static final class UnverifiableAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        public UnverifiableAnswer(String message) {
            super(message);
        }

        public UnverifiableAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
