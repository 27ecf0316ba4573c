package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.pivot.PivotIdentityValidator.Invalid;
import fr.passerelle.pivot.PivotIdentityValidator.Profile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PivotErrorTest {

    private record Case(Profile profile, Upstream upstream) {
    }

    /** One upstream identity that breaks exactly one rule, for each error. */
    private static final Map<PivotError, Case> CASES = new EnumMap<>(Map.ofEntries(
            Map.entry(PivotError.MISSING_CLAIM,
                    new Case(Profile.FRENCH, DemoPeople.lucas().without(PivotField.GENDER))),
            Map.entry(PivotError.INVALID_NAME,
                    new Case(Profile.FRENCH, DemoPeople.lucas().with(PivotField.FAMILY_NAME, "M".repeat(257)))),
            Map.entry(PivotError.INVALID_BIRTHDATE,
                    new Case(Profile.FRENCH, DemoPeople.lucas().with(PivotField.BIRTHDATE, "2001-02-29"))),
            Map.entry(PivotError.INVALID_GENDER,
                    new Case(Profile.FRENCH, DemoPeople.lucas().with(PivotField.GENDER, "homme"))),
            Map.entry(PivotError.INVALID_BIRTHCOUNTRY,
                    new Case(Profile.FRENCH, DemoPeople.ahmed().with(PivotField.BIRTHCOUNTRY, "DZ"))),
            Map.entry(PivotError.INVALID_BIRTHPLACE,
                    new Case(Profile.FRENCH, DemoPeople.lucas().with(PivotField.BIRTHPLACE, "Lyon"))),
            Map.entry(PivotError.MISSING_BIRTHPLACE,
                    new Case(Profile.FRENCH, DemoPeople.lucas().without(PivotField.BIRTHPLACE))),
            Map.entry(PivotError.UNEXPECTED_BIRTHPLACE,
                    new Case(Profile.FRENCH, DemoPeople.ahmed().with(PivotField.BIRTHPLACE, "75056"))),
            Map.entry(PivotError.INVALID_PERSON_IDENTIFIER,
                    new Case(Profile.EIDAS, DemoPeople.elena().with(PivotField.PERSON_IDENTIFIER, "12345678Z"))),
            Map.entry(PivotError.INVALID_WALLET_IDENTIFIER,
                    new Case(Profile.EUDI, DemoPeople.erika().with(PivotField.ISSUING_COUNTRY, "Deutschland"))),
            Map.entry(PivotError.INVALID_EMAIL,
                    new Case(Profile.FRENCH, DemoPeople.marieAtImpots().with(PivotField.EMAIL, "marie"))),
            Map.entry(PivotError.AMBIGUOUS_CLAIM,
                    new Case(Profile.FRENCH, DemoPeople.lucas().with(PivotField.GENDER, "male", "female")))));

    @Test
    void codesAreTheStablePublicContract() {
        assertEquals(List.of(
                "pivot-missing-claim",
                "pivot-invalid-name",
                "pivot-invalid-birthdate",
                "pivot-invalid-gender",
                "pivot-invalid-birthcountry",
                "pivot-invalid-birthplace",
                "pivot-missing-birthplace",
                "pivot-unexpected-birthplace",
                "pivot-invalid-person-identifier",
                "pivot-invalid-wallet-identifier",
                "pivot-invalid-email",
                "pivot-ambiguous-claim"), Arrays.stream(PivotError.values()).map(PivotError::code).toList());
    }

    @ParameterizedTest
    @EnumSource(PivotError.class)
    void everyErrorIsDescribedInOneEnglishSentence(PivotError error) {
        String description = error.describe();

        assertFalse(description.isBlank());
        assertTrue(Character.isUpperCase(description.charAt(0)) && description.endsWith("."), description);
    }

    @Test
    void everyErrorHasAnUpstreamIdentityThatTriggersIt() {
        assertEquals(EnumSet.allOf(PivotError.class), EnumSet.copyOf(CASES.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachErrorIsTriggeredByItsCase(PivotError error, Profile profile, Upstream upstream) {
        Invalid invalid = assertInstanceOf(Invalid.class, PivotIdentityValidator.validate(upstream, profile));

        assertEquals(List.of(error), invalid.violations().stream().map(Violation::error).toList());
    }

    static Stream<Arguments> cases() {
        return CASES.entrySet().stream()
                .map(c -> Arguments.of(c.getKey(), c.getValue().profile(), c.getValue().upstream()));
    }
}
