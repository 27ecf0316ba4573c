package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotError.AMBIGUOUS_CLAIM;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHDATE;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHPLACE;
import static fr.passerelle.pivot.PivotError.INVALID_EMAIL;
import static fr.passerelle.pivot.PivotError.INVALID_GENDER;
import static fr.passerelle.pivot.PivotError.INVALID_NAME;
import static fr.passerelle.pivot.PivotError.INVALID_PERSON_IDENTIFIER;
import static fr.passerelle.pivot.PivotError.INVALID_WALLET_IDENTIFIER;
import static fr.passerelle.pivot.PivotError.MISSING_BIRTHPLACE;
import static fr.passerelle.pivot.PivotError.MISSING_CLAIM;
import static fr.passerelle.pivot.PivotError.UNEXPECTED_BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.ADMINISTRATIVE_NUMBER;
import static fr.passerelle.pivot.PivotField.BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotField.BIRTHDATE;
import static fr.passerelle.pivot.PivotField.BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.EMAIL;
import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GENDER;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static fr.passerelle.pivot.PivotField.ISSUING_COUNTRY;
import static fr.passerelle.pivot.PivotField.PERSON_IDENTIFIER;
import static fr.passerelle.pivot.PivotField.PREFERRED_USERNAME;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks what an IdP sent before anything is stored, and builds the pivot identity from it. Every
 * broken rule is reported, not just the first, so that an operator fixes an IdP's mapping in one go.
 */
public final class PivotIdentityValidator {

    /** Which minimum data set the IdP must provide. */
    public enum Profile {
        /** A French IdP: the full pivot identity, with INSEE codes for places. */
        FRENCH,
        /** The eIDAS node: the eIDAS natural-person minimum data set. */
        EIDAS,
        /** A PID from the EU Digital Identity Wallet: place of birth as text, sex as an ISO/IEC 5218 code. */
        EUDI
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(PivotIdentity identity) implements Result {
        public Valid {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** @param violations every broken rule, ordered by field */
    public record Invalid(List<Violation> violations) implements Result {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result names at least one violation");
            }
        }
    }

    private static final int MAX_TEXT_LENGTH = 256;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern COUNTRY = Pattern.compile("99[0-9]{3}");
    private static final Pattern COMMUNE = Pattern.compile("(?:2[AB]|[0-9]{2})[0-9]{3}");
    private static final Pattern ISSUING_COUNTRY_FORMAT = Pattern.compile("[A-Z]{2}");
    private static final Pattern PERSON_IDENTIFIER_FORMAT = Pattern.compile("[A-Z]{2}/[A-Z]{2}/\\S{1,256}");
    private static final Pattern EMAIL_FORMAT = Pattern.compile(
            "[^@\\p{javaWhitespace}\\p{Z}\\p{Cc}]+@[^@\\p{javaWhitespace}\\p{Z}\\p{Cc}]+");
    /** Includes no-break spaces, which String.strip() leaves in place. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");
    private static final Pattern OUTER_WHITESPACE = Pattern.compile("^" + WHITESPACE + "|" + WHITESPACE + "$");

    private PivotIdentityValidator() {
    }

    public static Result validate(UpstreamClaims claims, Profile profile) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(profile, "profile");
        Check check = new Check(claims);
        return switch (profile) {
            case FRENCH -> french(check);
            case EIDAS -> eidas(check);
            case EUDI -> eudi(check);
        };
    }

    private static Result french(Check check) {
        List<String> givenNames = check.givenNames();
        String familyName = check.name(FAMILY_NAME, check.required(FAMILY_NAME));
        String preferredUsername = check.name(PREFERRED_USERNAME, check.optional(PREFERRED_USERNAME));
        Birthdate birthdate = check.birthdate();
        Gender gender = check.gender(check.required(GENDER));
        String birthcountry = check.birthcountry(check.required(BIRTHCOUNTRY));
        String birthplace = check.frenchBirthplace(birthcountry);
        String email = check.email();
        return check.result(() -> new PivotIdentity(givenNames, familyName, preferredUsername, birthdate, gender,
                birthplace, birthcountry, email, null));
    }

    private static Result eidas(Check check) {
        List<String> givenNames = check.givenNames();
        String familyName = check.name(FAMILY_NAME, check.joined(FAMILY_NAME));
        String preferredUsername = check.name(PREFERRED_USERNAME, check.optional(PREFERRED_USERNAME));
        Birthdate birthdate = check.birthdate();
        String sentGender = check.optional(GENDER);
        Gender gender = sentGender == null ? Gender.UNSPECIFIED : check.gender(sentGender);
        String sentBirthplace = check.optional(BIRTHPLACE);
        String birthplace = sentBirthplace == null ? "" : check.text(BIRTHPLACE, INVALID_BIRTHPLACE, sentBirthplace);
        String sentBirthcountry = check.optional(BIRTHCOUNTRY);
        String birthcountry = sentBirthcountry == null ? "" : check.birthcountry(sentBirthcountry);
        String email = check.email();
        String personIdentifier = check.matching(PERSON_IDENTIFIER, INVALID_PERSON_IDENTIFIER,
                PERSON_IDENTIFIER_FORMAT, check.required(PERSON_IDENTIFIER));
        return check.result(() -> new PivotIdentity(givenNames, familyName, preferredUsername, birthdate, gender,
                birthplace, birthcountry, email, personIdentifier));
    }

    /**
     * A PID has no INSEE codes: the place of birth is kept as text, as for eIDAS, and the birth country
     * is left out rather than guessed from a locality. Sex 1 and 2 are male and female; the other codes
     * of the PID rulebook (not known, other, not applicable, ...) have no pivot spelling and read as
     * unspecified, like an eIDAS identity sent without gender.
     */
    private static Result eudi(Check check) {
        List<String> givenNames = check.givenNames();
        String familyName = check.name(FAMILY_NAME, check.joined(FAMILY_NAME));
        Birthdate birthdate = check.birthdate();
        String sex = check.optional(GENDER);
        Gender gender = "1".equals(sex) ? Gender.MALE : "2".equals(sex) ? Gender.FEMALE : Gender.UNSPECIFIED;
        String sentBirthplace = check.optional(BIRTHPLACE);
        String birthplace = sentBirthplace == null ? "" : check.text(BIRTHPLACE, INVALID_BIRTHPLACE, sentBirthplace);
        String issuingCountry = check.matching(ISSUING_COUNTRY, INVALID_WALLET_IDENTIFIER, ISSUING_COUNTRY_FORMAT,
                check.required(ISSUING_COUNTRY));
        String administrativeNumber = check.text(ADMINISTRATIVE_NUMBER, INVALID_WALLET_IDENTIFIER, check.required(ADMINISTRATIVE_NUMBER));
        return check.result(() -> new PivotIdentity(givenNames, familyName, null, birthdate, gender, birthplace, "", null, null,
                new PivotIdentity.WalletIdentifier(issuingCountry, administrativeNumber)));
    }

    /**
     * Reads fields and records violations. Each reading returns {@code null} once a violation is
     * recorded for its field, so that a field is reported once, for its first broken rule.
     */
    private static final class Check {

        private final UpstreamClaims claims;
        private final List<Violation> violations = new ArrayList<>();

        Check(UpstreamClaims claims) {
            this.claims = claims;
        }

        Result result(Supplier<PivotIdentity> identity) {
            if (violations.isEmpty()) {
                return new Valid(identity.get());
            }
            violations.sort(Comparator.comparing(Violation::field));
            return new Invalid(violations);
        }

        /** Given names may come as one space-separated value or as one value per name. */
        List<String> givenNames() {
            String joined = joined(GIVEN_NAME);
            if (name(GIVEN_NAME, joined) == null) {
                return null;
            }
            return WHITESPACE.splitAsStream(joined).toList();
        }

        String joined(PivotField field) {
            List<String> sent = sent(field);
            if (sent.isEmpty()) {
                fail(MISSING_CLAIM, field);
                return null;
            }
            return String.join(" ", sent);
        }

        String required(PivotField field) {
            List<String> sent = sent(field);
            if (sent.isEmpty()) {
                fail(MISSING_CLAIM, field);
                return null;
            }
            return single(field, sent);
        }

        /**
         * {@code null} when absent or ambiguous; ambiguity is already recorded, so a default the
         * caller puts in its place never reaches an identity.
         */
        String optional(PivotField field) {
            List<String> sent = sent(field);
            return sent.isEmpty() ? null : single(field, sent);
        }

        String name(PivotField field, String value) {
            return text(field, INVALID_NAME, value);
        }

        String text(PivotField field, PivotError error, String value) {
            if (value == null) {
                return null;
            }
            int length = value.codePointCount(0, value.length());
            if (length > MAX_TEXT_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
                fail(error, field);
                return null;
            }
            return value;
        }

        String matching(PivotField field, PivotError error, Pattern format, String value) {
            if (value == null) {
                return null;
            }
            if (!format.matcher(value).matches()) {
                fail(error, field);
                return null;
            }
            return value;
        }

        Birthdate birthdate() {
            return parsed(BIRTHDATE, INVALID_BIRTHDATE, Birthdate::parse, required(BIRTHDATE));
        }

        Gender gender(String value) {
            return parsed(GENDER, INVALID_GENDER, Gender::parse, value);
        }

        String birthcountry(String value) {
            return matching(BIRTHCOUNTRY, INVALID_BIRTHCOUNTRY, COUNTRY, value);
        }

        /**
         * A commune code when born in France, {@code ""} when born abroad. With no valid birth
         * country to go by, a birthplace is only checked for being a commune code.
         */
        String frenchBirthplace(String birthcountry) {
            List<String> sent = sent(BIRTHPLACE);
            if (sent.isEmpty()) {
                if (PivotIdentity.FRANCE.equals(birthcountry)) {
                    fail(MISSING_BIRTHPLACE, BIRTHPLACE);
                    return null;
                }
                return "";
            }
            String birthplace = single(BIRTHPLACE, sent);
            if (birthplace != null && birthcountry != null && !PivotIdentity.FRANCE.equals(birthcountry)) {
                fail(UNEXPECTED_BIRTHPLACE, BIRTHPLACE);
                return null;
            }
            return matching(BIRTHPLACE, INVALID_BIRTHPLACE, COMMUNE, birthplace);
        }

        /** Contact only: a loose check, since refusing a login over an odd address helps nobody. */
        String email() {
            String email = optional(EMAIL);
            if (email != null && email.length() > MAX_EMAIL_LENGTH) {
                fail(INVALID_EMAIL, EMAIL);
                return null;
            }
            return matching(EMAIL, INVALID_EMAIL, EMAIL_FORMAT, email);
        }

        private <T> T parsed(PivotField field, PivotError error, Function<String, Optional<T>> parser, String value) {
            if (value == null) {
                return null;
            }
            Optional<T> parsed = parser.apply(value);
            if (parsed.isEmpty()) {
                fail(error, field);
            }
            return parsed.orElse(null);
        }

        private String single(PivotField field, List<String> sent) {
            List<String> distinct = sent.stream().distinct().toList();
            if (distinct.size() > 1) {
                fail(AMBIGUOUS_CLAIM, field);
                return null;
            }
            return distinct.get(0);
        }

        /** The trimmed values, blank ones left out: a blank value means the IdP had nothing to say. */
        private List<String> sent(PivotField field) {
            List<String> values = claims.values(field);
            if (values == null) {
                return List.of();
            }
            return values.stream()
                    .filter(Objects::nonNull)
                    .map(value -> OUTER_WHITESPACE.matcher(value).replaceAll(""))
                    .filter(value -> !value.isEmpty())
                    .toList();
        }

        private void fail(PivotError error, PivotField field) {
            violations.add(new Violation(error, field));
        }
    }
}
