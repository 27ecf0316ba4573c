package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotError.AMBIGUOUS_CLAIM;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHDATE;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHPLACE;
import static fr.passerelle.pivot.PivotError.INVALID_EMAIL;
import static fr.passerelle.pivot.PivotError.INVALID_GENDER;
import static fr.passerelle.pivot.PivotError.INVALID_NAME;
import static fr.passerelle.pivot.PivotError.MISSING_BIRTHPLACE;
import static fr.passerelle.pivot.PivotError.MISSING_CLAIM;
import static fr.passerelle.pivot.PivotError.UNEXPECTED_BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotField.BIRTHDATE;
import static fr.passerelle.pivot.PivotField.BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.EMAIL;
import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GENDER;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static fr.passerelle.pivot.PivotField.PERSON_IDENTIFIER;
import static fr.passerelle.pivot.PivotField.PREFERRED_USERNAME;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.passerelle.pivot.PivotIdentityValidator.Invalid;
import fr.passerelle.pivot.PivotIdentityValidator.Profile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrenchProfileValidationTest {

    @Test
    void marieBecomesAPivotIdentityWithBothGivenNamesAsSpelledByHerIdp() {
        PivotIdentity marie = DemoPeople.french(DemoPeople.marieAtImpots());

        assertAll(
                () -> assertEquals(List.of("Marie", "Éloïse"), marie.givenNames()),
                () -> assertEquals("Marie Éloïse", marie.givenName()),
                () -> assertEquals("DUPONT", marie.familyName()),
                () -> assertNull(marie.preferredUsername()),
                () -> assertEquals("1985-03-14", marie.birthdate().claim()),
                () -> assertEquals(Gender.FEMALE, marie.gender()),
                () -> assertEquals("75056", marie.birthplace()),
                () -> assertEquals("99100", marie.birthcountry()),
                () -> assertEquals("marie.dupont@example.org", marie.email()),
                () -> assertFalse(marie.isForeign()));
    }

    @Test
    void givenNamesSentOneByOneAreTheSameAsSentSpaceSeparated() {
        PivotIdentity oneValue = DemoPeople.french(DemoPeople.marieAtImpots());
        PivotIdentity twoValues = DemoPeople.french(DemoPeople.marieAtImpots().with(GIVEN_NAME, "Marie", " Éloïse "));

        assertEquals(oneValue, twoValues);
    }

    @Test
    void ahmedBornAbroadWithAPresumedBirthdateHasAnEmptyBirthplace() {
        PivotIdentity ahmed = DemoPeople.french(DemoPeople.ahmed());

        assertAll(
                () -> assertEquals("1972-01-01", ahmed.birthdate().claim()),
                () -> assertEquals("1972-00-00", ahmed.birthdate().raw()),
                () -> assertEquals("", ahmed.birthplace()),
                () -> assertEquals("99352", ahmed.birthcountry()));
    }

    @Test
    void birthplaceMayBeLeftOutEntirelyWhenBornAbroad() {
        PivotIdentity ahmed = DemoPeople.french(DemoPeople.ahmed().without(BIRTHPLACE));

        assertEquals("", ahmed.birthplace());
    }

    @Test
    void jeanBaptisteBornInCorsicaKeepsHisHyphenApostropheAndUsageName() {
        PivotIdentity jeanBaptiste = DemoPeople.french(DemoPeople.jeanBaptiste());

        assertAll(
                () -> assertEquals(List.of("Jean-Baptiste", "Louis"), jeanBaptiste.givenNames()),
                () -> assertEquals("D'ARTAGNAN", jeanBaptiste.familyName()),
                () -> assertEquals("BATZ", jeanBaptiste.preferredUsername()),
                () -> assertEquals("2A004", jeanBaptiste.birthplace()));
    }

    @Test
    void valuesAreTrimmedIncludingNoBreakSpaces() {
        PivotIdentity lucas = DemoPeople.french(DemoPeople.lucas()
                .with(FAMILY_NAME, "\u00A0 MARTIN\t")
                .with(BIRTHDATE, " 2001-11-30 ")
                .with(BIRTHPLACE, "69123\n"));

        assertAll(
                () -> assertEquals("MARTIN", lucas.familyName()),
                () -> assertEquals("2001-11-30", lucas.birthdate().raw()),
                () -> assertEquals("69123", lucas.birthplace()));
    }

    @Test
    void blankOptionalClaimsCountAsAbsent() {
        PivotIdentity lucas = DemoPeople.french(DemoPeople.lucas().with(PREFERRED_USERNAME, "  ").with(EMAIL, ""));

        assertAll(
                () -> assertNull(lucas.preferredUsername()),
                () -> assertNull(lucas.email()));
    }

    @Test
    void theFrenchProfileIgnoresAPersonIdentifier() {
        PivotIdentity lucas = DemoPeople.french(DemoPeople.lucas().with(PERSON_IDENTIFIER, "FR/FR/123"));

        assertFalse(lucas.isForeign());
    }

    @Test
    void everyMissingRequiredClaimIsReportedInFieldOrder() {
        Invalid invalid = invalid(Upstream.none().with(FAMILY_NAME, " ").with(EMAIL, "lucas@example.org"));

        assertEquals(List.of(
                new Violation(MISSING_CLAIM, GIVEN_NAME),
                new Violation(MISSING_CLAIM, FAMILY_NAME),
                new Violation(MISSING_CLAIM, BIRTHDATE),
                new Violation(MISSING_CLAIM, GENDER),
                new Violation(MISSING_CLAIM, BIRTHCOUNTRY)), invalid.violations());
    }

    @Test
    void violationsOfDifferentKindsAreAllReportedInFieldOrder() {
        Invalid invalid = invalid(DemoPeople.lucas()
                .with(EMAIL, "lucas at example.org")
                .with(BIRTHPLACE, "Lyon")
                .with(GENDER, "x")
                .with(FAMILY_NAME, "MARTIN", "DURAND"));

        assertEquals(List.of(
                new Violation(AMBIGUOUS_CLAIM, FAMILY_NAME),
                new Violation(INVALID_GENDER, GENDER),
                new Violation(INVALID_BIRTHPLACE, BIRTHPLACE),
                new Violation(INVALID_EMAIL, EMAIL)), invalid.violations());
    }

    @Test
    void namesOf256CharactersAreAccepted() {
        String longName = "A".repeat(256);

        assertEquals(longName, DemoPeople.french(DemoPeople.lucas().with(FAMILY_NAME, longName)).familyName());
    }

    @Test
    void namesOver256CharactersAreRejected() {
        String tooLong = "É".repeat(257);

        assertEquals(List.of(
                new Violation(INVALID_NAME, GIVEN_NAME),
                new Violation(INVALID_NAME, FAMILY_NAME),
                new Violation(INVALID_NAME, PREFERRED_USERNAME)),
                invalid(DemoPeople.lucas()
                        .with(GIVEN_NAME, tooLong)
                        .with(FAMILY_NAME, tooLong)
                        .with(PREFERRED_USERNAME, tooLong)).violations());
    }

    @Test
    void givenNamesAreLimitedTo256CharactersAltogether() {
        String half = "A".repeat(128);

        assertEquals(List.of(new Violation(INVALID_NAME, GIVEN_NAME)),
                invalid(DemoPeople.lucas().with(GIVEN_NAME, half, half)).violations());
    }

    @Test
    void namesWithControlCharactersAreRejected() {
        assertEquals(List.of(new Violation(INVALID_NAME, FAMILY_NAME)),
                invalid(DemoPeople.lucas().with(FAMILY_NAME, "MAR\u0000TIN")).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-02-30", "1985-13-01", "1985-00-14", "1849-12-31", "14/03/1985", "1985-3-14",
            "85-03-14", "1985-03-14T00:00:00Z", "9999-01-01"})
    void impossibleOrMalformedBirthdatesAreRejected(String birthdate) {
        assertEquals(List.of(new Violation(INVALID_BIRTHDATE, BIRTHDATE)),
                invalid(DemoPeople.lucas().with(BIRTHDATE, birthdate)).violations());
    }

    @Test
    void birthdatesInTheFutureAreRejected() {
        String tomorrowEverywhere = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        assertEquals(List.of(new Violation(INVALID_BIRTHDATE, BIRTHDATE)),
                invalid(DemoPeople.lucas().with(BIRTHDATE, tomorrowEverywhere)).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"homme", "X", "0", "mâle", "femme"})
    void unknownGendersAreRejected(String gender) {
        assertEquals(List.of(new Violation(INVALID_GENDER, GENDER)),
                invalid(DemoPeople.lucas().with(GENDER, gender)).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "100", "98100", "991000", "9910A", "France"})
    void birthcountriesThatAreNotInseeCountryCodesAreRejected(String birthcountry) {
        assertEquals(List.of(new Violation(INVALID_BIRTHCOUNTRY, BIRTHCOUNTRY)),
                invalid(DemoPeople.ahmed().with(BIRTHCOUNTRY, birthcountry)).violations());
    }

    @Test
    void birthplaceIsRequiredWhenBornInFrance() {
        assertEquals(List.of(new Violation(MISSING_BIRTHPLACE, BIRTHPLACE)),
                invalid(DemoPeople.lucas().with(BIRTHPLACE, " ")).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lyon", "2C004", "2a004", "6912", "691230", "69 123"})
    void birthplaceInFranceMustBeACommuneCode(String birthplace) {
        assertEquals(List.of(new Violation(INVALID_BIRTHPLACE, BIRTHPLACE)),
                invalid(DemoPeople.lucas().with(BIRTHPLACE, birthplace)).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"75056", "Alger"})
    void birthplaceIsUnexpectedWhenBornAbroad(String birthplace) {
        assertEquals(List.of(new Violation(UNEXPECTED_BIRTHPLACE, BIRTHPLACE)),
                invalid(DemoPeople.ahmed().with(BIRTHPLACE, birthplace)).violations());
    }

    @Test
    void withoutAValidBirthcountryABirthplaceIsStillCheckedForBeingACommuneCode() {
        assertEquals(List.of(
                new Violation(INVALID_BIRTHPLACE, BIRTHPLACE),
                new Violation(INVALID_BIRTHCOUNTRY, BIRTHCOUNTRY)),
                invalid(DemoPeople.lucas().with(BIRTHPLACE, "Lyon").with(BIRTHCOUNTRY, "France")).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"marie.dupont", "marie@dupont@example.org", "marie dupont@example.org", "@example.org",
            "marie@"})
    void implausibleEmailAddressesAreRejected(String email) {
        assertEquals(List.of(new Violation(INVALID_EMAIL, EMAIL)),
                invalid(DemoPeople.marieAtImpots().with(EMAIL, email)).violations());
    }

    @Test
    void emailAddressesOver254CharactersAreRejected() {
        String tooLong = "m".repeat(242) + "@example.org";

        assertEquals(List.of(new Violation(INVALID_EMAIL, EMAIL)),
                invalid(DemoPeople.marieAtImpots().with(EMAIL, tooLong + "x")).violations());
        assertEquals(tooLong, DemoPeople.french(DemoPeople.marieAtImpots().with(EMAIL, tooLong)).email());
    }

    @Test
    void singleValuedClaimsSentWithSeveralDifferentValuesAreAmbiguous() {
        Invalid invalid = invalid(DemoPeople.jeanBaptiste()
                .with(FAMILY_NAME, "D'ARTAGNAN", "DARTAGNAN")
                .with(PREFERRED_USERNAME, "BATZ", "CASTELMORE")
                .with(BIRTHDATE, "1969-12-01", "1969-12-00")
                .with(GENDER, "male", "female")
                .with(BIRTHPLACE, "2A004", "2B004")
                .with(BIRTHCOUNTRY, "99100", "99352")
                .with(EMAIL, "a@example.org", "b@example.org"));

        assertEquals(Stream.of(FAMILY_NAME, PREFERRED_USERNAME, BIRTHDATE, GENDER, BIRTHPLACE, BIRTHCOUNTRY, EMAIL)
                .map(field -> new Violation(AMBIGUOUS_CLAIM, field)).toList(), invalid.violations());
    }

    @Test
    void aValueRepeatedOrNextToBlankOnesIsNotAmbiguous() {
        PivotIdentity lucas = DemoPeople.french(DemoPeople.lucas()
                .with(FAMILY_NAME, "MARTIN", " MARTIN ")
                .with(BIRTHPLACE, "", "69123"));

        assertAll(
                () -> assertEquals("MARTIN", lucas.familyName()),
                () -> assertEquals("69123", lucas.birthplace()));
    }

    private static Invalid invalid(Upstream upstream) {
        return assertInstanceOf(Invalid.class, PivotIdentityValidator.validate(upstream, Profile.FRENCH));
    }
}
