package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class IdentityKeyPropertyTest {

    private static final String FRANCE = PivotIdentity.FRANCE;

    @Property(tries = 300)
    void howAnIdpSpellsNamesNeverChangesTheKey(
            @ForAll("names") Respellings.Name givenNames, @ForAll("names") Respellings.Name familyName) {
        Upstream plain = DemoPeople.lucas()
                .with(GIVEN_NAME, givenNames.canonical())
                .with(FAMILY_NAME, familyName.canonical());
        Upstream respelled = plain
                .with(GIVEN_NAME, givenNames.spelled())
                .with(FAMILY_NAME, familyName.spelled());

        assertEquals(IdentityKey.of(TestSecrets.V1, DemoPeople.french(plain)), IdentityKey.of(TestSecrets.V1, DemoPeople.french(respelled)));
    }

    @Property(tries = 300)
    void anotherBirthdateAlwaysGivesAnotherKey(
            @ForAll("frenchIdentities") PivotIdentity person, @ForAll("birthdates") String birthdate) {
        Assume.that(!birthdate.equals(person.birthdate().raw()));

        PivotIdentity other = born(person, Birthdate.parse(birthdate).orElseThrow(), person.gender(),
                person.birthplace(), person.birthcountry());

        assertNotEquals(IdentityKey.of(TestSecrets.V1, person), IdentityKey.of(TestSecrets.V1, other));
    }

    @Property(tries = 300)
    void anotherGenderAlwaysGivesAnotherKey(@ForAll("frenchIdentities") PivotIdentity person, @ForAll Gender gender) {
        Assume.that(gender != person.gender());

        PivotIdentity other = born(person, person.birthdate(), gender, person.birthplace(), person.birthcountry());

        assertNotEquals(IdentityKey.of(TestSecrets.V1, person), IdentityKey.of(TestSecrets.V1, other));
    }

    @Property(tries = 300)
    void anotherBirthplaceInFranceAlwaysGivesAnotherKey(@ForAll("frenchIdentities") PivotIdentity person,
            @ForAll("communes") String birthplace, @ForAll("communes") String otherBirthplace) {
        Assume.that(!birthplace.equals(otherBirthplace));

        PivotIdentity bornThere = born(person, person.birthdate(), person.gender(), birthplace, FRANCE);
        PivotIdentity bornElsewhere = born(person, person.birthdate(), person.gender(), otherBirthplace, FRANCE);

        assertNotEquals(IdentityKey.of(TestSecrets.V1, bornThere), IdentityKey.of(TestSecrets.V1, bornElsewhere));
    }

    @Property(tries = 300)
    void anotherBirthcountryAlwaysGivesAnotherKey(
            @ForAll("frenchIdentities") PivotIdentity person, @ForAll("countries") String birthcountry,
            @ForAll("communes") String birthplaceIfFrance) {
        Assume.that(!birthcountry.equals(person.birthcountry()));

        String birthplace = FRANCE.equals(birthcountry) ? birthplaceIfFrance : "";
        PivotIdentity other = born(person, person.birthdate(), person.gender(), birthplace, birthcountry);

        assertNotEquals(IdentityKey.of(TestSecrets.V1, person), IdentityKey.of(TestSecrets.V1, other));
    }

    @Property(tries = 500)
    void twoDifferentSplitsOfTheSameCharactersNeverShareAnEncoding(
            @ForAll @StringLength(max = 12) String text,
            @ForAll @Size(max = 4) List<@IntRange(max = 12) Integer> cuts,
            @ForAll @Size(max = 4) List<@IntRange(max = 12) Integer> otherCuts) {
        List<String> fields = split(text, cuts);
        List<String> otherFields = split(text, otherCuts);
        Assume.that(!fields.equals(otherFields));

        assertFalse(Arrays.equals(IdentityKey.encode(fields), IdentityKey.encode(otherFields)));
    }

    @Provide
    Arbitrary<Respellings.Name> names() {
        return Respellings.names();
    }

    @Provide
    Arbitrary<PivotIdentity> frenchIdentities() {
        Arbitrary<String> names = Respellings.names().map(Respellings.Name::canonical);
        return Combinators.combine(names, names, birthdates(), Arbitraries.of(Gender.class), countries(), communes())
                .as((givenNames, familyName, birthdate, gender, birthcountry, commune) -> new PivotIdentity(
                        List.of(givenNames.split(" ")), familyName, null,
                        Birthdate.parse(birthdate).orElseThrow(), gender,
                        FRANCE.equals(birthcountry) ? commune : "", birthcountry, null, null));
    }

    @Provide
    Arbitrary<String> birthdates() {
        return Combinators.combine(
                        Arbitraries.integers().between(Birthdate.FIRST_YEAR, 2024),
                        Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, 28))
                .as((year, month, day) -> String.format("%04d-%02d-%02d", year, month, month == 0 ? 0 : day));
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(FRANCE)),
                Tuple.of(3, Arbitraries.strings().numeric().ofLength(3).map(code -> "99" + code)));
    }

    @Provide
    Arbitrary<String> communes() {
        Arbitrary<String> department = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(2),
                Arbitraries.of("2A", "2B"));
        return Combinators.combine(department, Arbitraries.strings().numeric().ofLength(3)).as(String::concat);
    }

    private static PivotIdentity born(PivotIdentity person, Birthdate birthdate, Gender gender, String birthplace,
            String birthcountry) {
        return new PivotIdentity(person.givenNames(), person.familyName(), null, birthdate, gender, birthplace,
                birthcountry, null, null);
    }

    private static List<String> split(String text, List<Integer> cuts) {
        List<Integer> positions = new ArrayList<>();
        positions.add(0);
        cuts.stream().map(cut -> Math.min(cut, text.length())).sorted().forEach(positions::add);
        positions.add(text.length());
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < positions.size(); i++) {
            fields.add(text.substring(positions.get(i - 1), positions.get(i)));
        }
        return fields;
    }
}
