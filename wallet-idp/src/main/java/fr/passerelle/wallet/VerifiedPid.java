package fr.passerelle.wallet;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A PID that passed every check, with the claims the holder disclosed. Its values are personal data:
 * they go to the pivot mapper and nowhere else, never to a log.
 *
 * @param claims the disclosed claims, the issuer's plain claims included
 * @param issuer the PID provider's signing certificate
 */
public record VerifiedPid(ObjectNode claims, X509Certificate issuer) {

    public VerifiedPid {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(issuer, "issuer");
    }

    public String issuingCountry() {
        return claims.path("issuing_country").asText();
    }

    public String personalAdministrativeNumber() {
        return claims.path("personal_administrative_number").asText();
    }

    /** The {@code sex} code of the PID rulebook (ISO/IEC 5218 extended, 0 to 9), when disclosed. */
    public Optional<Integer> sex() {
        JsonNode sex = claims.get("sex");
        return sex != null && sex.canConvertToInt() ? Optional.of(sex.asInt()) : Optional.empty();
    }
}
