package fr.passerelle.demo.dp;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
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
 * Checks a signed {@code checktoken} answer (RFC 9701 token introspection response as a JWT): ES256
 * signature by a key the broker realm publishes, {@code iss} the broker, {@code aud} this data provider,
 * issued just now. Only then is its {@code token_introspection} object believed.
 */
public final class SignedIntrospectionVerifier {

    static final JOSEObjectType INTROSPECTION_JWT = new JOSEObjectType("token-introspection+jwt");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;

    public SignedIntrospectionVerifier(JWKSource<SecurityContext> brokerKeys, String issuer, String dataProviderId, Clock clock) {
        this.clock = clock;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(INTROSPECTION_JWT, JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, brokerKeys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                Set.of(dataProviderId),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("iat", "token_introspection"),
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
            Map<String, Object> introspection = claims.getJSONObjectClaim("token_introspection");
            return TokenIntrospection.fromClaims(introspection);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new UnverifiableAnswer("checktoken answer not verified: " + e.getMessage(), e);
        }
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
