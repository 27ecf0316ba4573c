package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotField.BIRTHDATE;
import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static fr.passerelle.pivot.PivotField.PERSON_IDENTIFIER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityKeyTest {

    @Test
    void sameBirthNameWithAndWithoutAccentsGivesSameKey() {
        IdentityKey atImpots = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.marieAtImpots()));
        IdentityKey atIdentiteNumerique = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.marieAtIdentiteNumerique()));

        assertEquals(atImpots, atIdentiteNumerique);
    }

    @Test
    void hyphenatedAndSpaceSeparatedGivenNamesGiveSameKey() {
        IdentityKey hyphenated = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.jeanBaptiste()));
        IdentityKey spaced = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.jeanBaptiste()
                .with(GIVEN_NAME, "JEAN", "BAPTISTE", "LOUIS")
                .with(FAMILY_NAME, "d’Artagnan")));

        assertEquals(hyphenated, spaced);
    }

    @Test
    void aPresumedBirthdateIsNotTheSameEvidenceAsARealOne() {
        IdentityKey presumed = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.ahmed()));
        IdentityKey real = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.ahmed().with(BIRTHDATE, "1972-01-01")));

        assertNotEquals(presumed, real);
    }

    @Test
    void aBirthplaceOnlyCountsForPeopleBornInFrance() {
        PivotIdentity ahmed = DemoPeople.french(DemoPeople.ahmed());
        PivotIdentity withStrayBirthplace = new PivotIdentity(ahmed.givenNames(), ahmed.familyName(), null,
                ahmed.birthdate(), ahmed.gender(), "75056", ahmed.birthcountry(), null, null);

        assertEquals(IdentityKey.of(TestSecrets.V1, ahmed), IdentityKey.of(TestSecrets.V1, withStrayBirthplace));
    }

    @Test
    void usageNameAndEmailDoNotIdentifyAPerson() {
        IdentityKey jeanBaptiste = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.jeanBaptiste()));
        IdentityKey withoutUsageName = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.jeanBaptiste()
                .without(PivotField.PREFERRED_USERNAME)
                .with(PivotField.EMAIL, "dartagnan@example.org")));

        assertEquals(jeanBaptiste, withoutUsageName);
    }

    @Test
    void theKeyIsTheHmacUnderTheIdentityKeySecretOfTheLengthPrefixedCanonicalFields() throws Exception {
        byte[] fields = lengthPrefixed("passerelle-identity-key/1", "fr", "MARIE ELOISE", "DUPONT", "1985-03-14", "female", "75056",
                "99100");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSecrets.V1.bytes(), "HmacSHA256"));

        IdentityKey key = IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.marieAtImpots()));

        assertEquals(HexFormat.of().formatHex(mac.doFinal(fields)), key.hex());
        assertNotEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fields)), key.hex(),
                "without the secret, nobody computes the key from a person's names and birthdate");
    }

    @Test
    void theSubjectKeyIsStillTheSha256OfTheLengthPrefixedCanonicalFieldsSoIssuedSubsStay() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(lengthPrefixed(
                "passerelle-identity-key/1", "fr", "MARIE ELOISE", "DUPONT", "1985-03-14", "female", "75056",
                "99100"));

        assertEquals(HexFormat.of().formatHex(expected), SubjectKey.of(DemoPeople.french(DemoPeople.marieAtImpots())).hex());
    }

    @Test
    void anotherSecretGivesAnotherKeyForTheSamePerson() {
        PivotIdentity marie = DemoPeople.french(DemoPeople.marieAtImpots());

        assertNotEquals(IdentityKey.of(TestSecrets.V1, marie), IdentityKey.of(TestSecrets.V2, marie));
    }

    @Test
    void aForeignIdentityIsKnownByItsPersonIdentifierAlone() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(lengthPrefixed(
                "passerelle-identity-key/1", "eidas", "ES/FR/12345678Z"));
        IdentityKey elena = IdentityKey.of(TestSecrets.V1, DemoPeople.eidas(DemoPeople.elena()));
        IdentityKey otherwiseSpelled = IdentityKey.of(TestSecrets.V1, DemoPeople.eidas(DemoPeople.elena()
                .with(FAMILY_NAME, "Garcia", "Lopez")
                .without(PivotField.BIRTHPLACE)));

        assertEquals(HexFormat.of().formatHex(expected), SubjectKey.of(DemoPeople.eidas(DemoPeople.elena())).hex());
        assertEquals(elena, otherwiseSpelled);
    }

    @Test
    void countryCodesOfAPersonIdentifierAreCaseInsensitiveButItsOpaquePartIsNot() {
        PivotIdentity elena = DemoPeople.eidas(DemoPeople.elena());

        assertEquals(IdentityKey.of(TestSecrets.V1, elena), IdentityKey.of(TestSecrets.V1, withPersonIdentifier(elena, " es/Fr/12345678Z ")));
        assertNotEquals(IdentityKey.of(TestSecrets.V1, elena), IdentityKey.of(TestSecrets.V1, withPersonIdentifier(elena, "ES/FR/12345678z")));
    }

    @Test
    void twoEuCitizensGetDifferentKeys() {
        IdentityKey elena = IdentityKey.of(TestSecrets.V1, DemoPeople.eidas(DemoPeople.elena()));
        IdentityKey jonas = IdentityKey.of(TestSecrets.V1, DemoPeople.eidas(DemoPeople.jonas()));
        IdentityKey elenaFromAnotherCountry = IdentityKey.of(TestSecrets.V1, DemoPeople.eidas(DemoPeople.elena()
                .with(PERSON_IDENTIFIER, "ES/DE/12345678Z")));

        assertNotEquals(elena, jonas);
        assertNotEquals(elena, elenaFromAnotherCountry);
    }

    @Test
    void shiftingABoundaryBetweenFieldsChangesTheEncoding() {
        assertFalse(Arrays.equals(IdentityKey.encode(List.of("AB", "C")), IdentityKey.encode(List.of("A", "BC"))));
        assertFalse(Arrays.equals(IdentityKey.encode(List.of("A", "")), IdentityKey.encode(List.of("A"))));
        assertFalse(Arrays.equals(IdentityKey.encode(List.of("", "A")), IdentityKey.encode(List.of("A", ""))));
    }

    @Test
    void fieldLengthsAreCountedInUtf8Bytes() {
        assertArrayEquals(new byte[] {0, 0, 0, 2, (byte) 0xC3, (byte) 0x89}, IdentityKey.encode(List.of("É")));
    }

    @Test
    void theKeyIs64LowerCaseHexDigits() {
        assertTrue(IdentityKey.of(TestSecrets.V1, DemoPeople.french(DemoPeople.lucas())).hex().matches("[0-9a-f]{64}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550"})
    void aKeyIsNeverBuiltFromSomethingElseThanAHash(String hex) {
        assertThrows(IllegalArgumentException.class, () -> new IdentityKey(hex));
    }

    private static PivotIdentity withPersonIdentifier(PivotIdentity identity, String personIdentifier) {
        return new PivotIdentity(identity.givenNames(), identity.familyName(), identity.preferredUsername(),
                identity.birthdate(), identity.gender(), identity.birthplace(), identity.birthcountry(),
                identity.email(), personIdentifier);
    }

    private static byte[] lengthPrefixed(String... fields) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            encoded.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            encoded.writeBytes(bytes);
        }
        return encoded.toByteArray();
    }
}
