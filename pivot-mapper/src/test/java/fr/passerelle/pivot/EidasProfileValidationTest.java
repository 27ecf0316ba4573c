package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotError.AMBIGUOUS_CLAIM;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotError.INVALID_BIRTHPLACE;
import static fr.passerelle.pivot.PivotError.INVALID_GENDER;
import static fr.passerelle.pivot.PivotError.INVALID_PERSON_IDENTIFIER;
import static fr.passerelle.pivot.PivotError.MISSING_CLAIM;
import static fr.passerelle.pivot.PivotField.BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotField.BIRTHDATE;
import static fr.passerelle.pivot.PivotField.BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GENDER;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static fr.passerelle.pivot.PivotField.PERSON_IDENTIFIER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.pivot.PivotIdentityValidator.Invalid;
import fr.passerelle.pivot.PivotIdentityValidator.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EidasProfileValidationTest {

    @Test
    void elenaBecomesAForeignIdentityWithHerPlaceOfBirthAsText() {
        PivotIdentity elena = DemoPeople.eidas(DemoPeople.elena());

        assertAll(
                () -> assertTrue(elena.isForeign()),
                () -> assertEquals("ES/FR/12345678Z", elena.personIdentifier()),
                () -> assertEquals(List.of("Elena"), elena.givenNames()),
                () -> assertEquals("GARCÍA LÓPEZ", elena.familyName()),
                () -> assertEquals("1990-07-21", elena.birthdate().claim()),
                () -> assertEquals(Gender.FEMALE, elena.gender()),
                () -> assertEquals("Sevilla", elena.birthplace()),
                () -> assertEquals("", elena.birthcountry()));
    }

    @Test
    void namesSentAsSeveralValuesAreJoinedWithASpace() {
        PivotIdentity elena = DemoPeople.eidas(DemoPeople.elena()
                .with(GIVEN_NAME, "Elena", "María")
                .with(FAMILY_NAME, "GARCÍA", "LÓPEZ"));

        assertAll(
                () -> assertEquals("Elena María", elena.givenName()),
                () -> assertEquals("GARCÍA LÓPEZ", elena.familyName()));
    }

    @Test
    void jonasWithoutPlaceOfBirthHasAnEmptyBirthplace() {
        PivotIdentity jonas = DemoPeople.eidas(DemoPeople.jonas());

        assertAll(
                () -> assertEquals(Gender.MALE, jonas.gender()),
                () -> assertEquals("", jonas.birthplace()),
                () -> assertEquals("", jonas.birthcountry()));
    }

    @Test
    void anAbsentGenderIsUnspecified() {
        assertEquals(Gender.UNSPECIFIED, DemoPeople.eidas(DemoPeople.jonas().without(GENDER)).gender());
    }

    @Test
    void aNonLatinNameIsKeptAsSent() {
        PivotIdentity identity = DemoPeople.eidas(DemoPeople.jonas()
                .with(PERSON_IDENTIFIER, "GR/FR/0a1b2c")
                .with(GIVEN_NAME, "Ελένη")
                .with(FAMILY_NAME, "Παπαδοπούλου"));

        assertEquals("Ελένη Παπαδοπούλου", identity.givenName() + " " + identity.familyName());
    }

    @Test
    void aPresumedBirthdateIsAcceptedAsForFrenchIdentities() {
        PivotIdentity jonas = DemoPeople.eidas(DemoPeople.jonas().with(BIRTHDATE, "1979-02-00"));

        assertEquals("1979-02-01", jonas.birthdate().claim());
    }

    @Test
    void aCountryOfBirthMustBeAnInseeCountryCode() {
        assertEquals("99134", DemoPeople.eidas(DemoPeople.elena().with(BIRTHCOUNTRY, "99134")).birthcountry());
        assertEquals(List.of(new Violation(INVALID_BIRTHCOUNTRY, BIRTHCOUNTRY)),
                invalid(DemoPeople.elena().with(BIRTHCOUNTRY, "ES")).violations());
    }

    @Test
    void aPlaceOfBirthOver256CharactersIsRejected() {
        assertEquals(List.of(new Violation(INVALID_BIRTHPLACE, BIRTHPLACE)),
                invalid(DemoPeople.elena().with(BIRTHPLACE, "S".repeat(257))).violations());
    }

    @Test
    void theMinimumDataSetIsRequired() {
        assertEquals(List.of(
                new Violation(MISSING_CLAIM, GIVEN_NAME),
                new Violation(MISSING_CLAIM, FAMILY_NAME),
                new Violation(MISSING_CLAIM, BIRTHDATE),
                new Violation(MISSING_CLAIM, PERSON_IDENTIFIER)),
                invalid(Upstream.none().with(GENDER, "Female").with(BIRTHPLACE, "Sevilla")).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678Z", "ES-FR-12345678Z", "es/FR/12345678Z", "ESP/FR/12345678Z", "ES/FR/",
            "ES/FR/1234 5678Z", "ES//12345678Z"})
    void malformedPersonIdentifiersAreRejected(String personIdentifier) {
        assertEquals(List.of(new Violation(INVALID_PERSON_IDENTIFIER, PERSON_IDENTIFIER)),
                invalid(DemoPeople.elena().with(PERSON_IDENTIFIER, personIdentifier)).violations());
    }

    @Test
    void anUnknownGenderIsRejectedRatherThanReadAsUnspecified() {
        assertEquals(List.of(new Violation(INVALID_GENDER, GENDER)),
                invalid(DemoPeople.elena().with(GENDER, "Femenino")).violations());
    }

    @Test
    void severalPersonIdentifiersAreAmbiguous() {
        assertEquals(List.of(new Violation(AMBIGUOUS_CLAIM, PERSON_IDENTIFIER)),
                invalid(DemoPeople.elena().with(PERSON_IDENTIFIER, "ES/FR/12345678Z", "ES/FR/87654321X")).violations());
    }

    private static Invalid invalid(Upstream upstream) {
        return assertInstanceOf(Invalid.class, PivotIdentityValidator.validate(upstream, Profile.EIDAS));
    }
}
