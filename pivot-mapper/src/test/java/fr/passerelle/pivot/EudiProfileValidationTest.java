package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotField.ADMINISTRATIVE_NUMBER;
import static fr.passerelle.pivot.PivotField.BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotField.BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GENDER;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static fr.passerelle.pivot.PivotField.ISSUING_COUNTRY;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.passerelle.pivot.PivotIdentityValidator.Invalid;
import fr.passerelle.pivot.PivotIdentityValidator.Profile;

class EudiProfileValidationTest {

    @Test
    void erikaBecomesAWalletIdentityWithHerPlaceOfBirthAsTextAndNoBirthCountry() {
        PivotIdentity erika = DemoPeople.eudi(DemoPeople.erika());

        assertAll(
                () -> assertTrue(erika.isWallet()),
                () -> assertFalse(erika.isForeign()),
                () -> assertEquals(new PivotIdentity.WalletIdentifier("DE", "T22000129"), erika.walletIdentifier()),
                () -> assertEquals(List.of("Erika"), erika.givenNames()),
                () -> assertEquals("Mustermann", erika.familyName()),
                () -> assertEquals("1964-08-12", erika.birthdate().claim()),
                () -> assertEquals(Gender.FEMALE, erika.gender()),
                () -> assertEquals("Berlin", erika.birthplace()),
                () -> assertEquals("", erika.birthcountry()));
    }

    @Test
    void servicesNeverReceiveTheAdministrativeNumberNorABirthCountry() {
        PivotIdentity erika = DemoPeople.eudi(DemoPeople.erika());

        assertFalse(erika.claims().containsKey(ADMINISTRATIVE_NUMBER.claim()));
        assertFalse(erika.claims().containsKey(ISSUING_COUNTRY.claim()));
        assertFalse(erika.claims().containsKey(BIRTHCOUNTRY.claim()));
        assertFalse(erika.claims().containsValue("T22000129"));
    }

    @Test
    void aBirthCountrySentAnywayIsNotUsed() {
        assertEquals("", DemoPeople.eudi(DemoPeople.erika().with(BIRTHCOUNTRY, "99109")).birthcountry());
    }

    @ParameterizedTest
    @CsvSource({"1, MALE", "2, FEMALE", "0, UNSPECIFIED", "3, UNSPECIFIED", "9, UNSPECIFIED", "male, UNSPECIFIED"})
    void sexCodesOneAndTwoAreTheOnlyGendersOthersReadAsUnspecified(String sex, Gender gender) {
        assertEquals(gender, DemoPeople.eudi(DemoPeople.erika().with(GENDER, sex)).gender());
    }

    @Test
    void joaoWithoutSexOrPlaceOfBirthIsUnspecifiedAndBornSomewhereUnsaid() {
        PivotIdentity joao = DemoPeople.eudi(DemoPeople.joao());

        assertAll(
                () -> assertEquals(Gender.UNSPECIFIED, joao.gender()),
                () -> assertEquals("", joao.birthplace()),
                () -> assertEquals(List.of("João", "Pedro"), joao.givenNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "DEU", "Deutschland", "D"})
    void issuingCountryIsTwoUpperCaseLetters(String country) {
        Invalid invalid = assertInstanceOf(Invalid.class,
                PivotIdentityValidator.validate(DemoPeople.erika().with(ISSUING_COUNTRY, country), Profile.EUDI));
        assertEquals(List.of(new Violation(PivotError.INVALID_WALLET_IDENTIFIER, ISSUING_COUNTRY)), invalid.violations());
    }

    @Test
    void withoutAdministrativeNumberThereIsNoWalletIdentity() {
        Invalid invalid = assertInstanceOf(Invalid.class,
                PivotIdentityValidator.validate(DemoPeople.erika().without(ADMINISTRATIVE_NUMBER), Profile.EUDI));
        assertEquals(List.of(new Violation(PivotError.MISSING_CLAIM, ADMINISTRATIVE_NUMBER)), invalid.violations());
    }

    @Test
    void walletKeyFollowsTheIssuingCountryAndAdministrativeNumberNotTheNames() {
        IdentityKey erika = IdentityKey.of(TestSecrets.V1, DemoPeople.eudi(DemoPeople.erika()));

        assertEquals(erika, IdentityKey.of(TestSecrets.V1, DemoPeople.eudi(DemoPeople.erika()
                .with(FAMILY_NAME, "Gabler").with(GIVEN_NAME, "Erika", "Maria").with(BIRTHPLACE, "Bonn"))));
        assertNotEquals(erika, IdentityKey.of(TestSecrets.V1, DemoPeople.eudi(DemoPeople.erika().with(ADMINISTRATIVE_NUMBER, "T22000130"))));
        assertNotEquals(erika, IdentityKey.of(TestSecrets.V1, DemoPeople.eudi(DemoPeople.erika().with(ISSUING_COUNTRY, "AT"))));
    }

    @Test
    void walletKeyIsItsOwnKindNeverAnEidasOne() {
        IdentityKey wallet = IdentityKey.of(TestSecrets.V1, DemoPeople.eudi(DemoPeople.erika()));
        IdentityKey eidas = IdentityKey.of(TestSecrets.V1, DemoPeople.eidas(DemoPeople.jonas().with(PivotField.PERSON_IDENTIFIER, "DE/FR/T22000129")));

        assertNotEquals(wallet, eidas);
        assertEquals(List.of("passerelle-identity-key/1", "eudi", "DE", "T22000129"),
                IdentityKey.fields(DemoPeople.eudi(DemoPeople.erika())));
    }
}
