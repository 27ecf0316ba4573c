package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenderTest {

    @ParameterizedTest
    @CsvSource({
        "male, MALE", "female, FEMALE", "unspecified, UNSPECIFIED",
        "Male, MALE", "Female, FEMALE", "Unspecified, UNSPECIFIED",
        "MALE, MALE", "FEMALE, FEMALE",
        "M, MALE", "F, FEMALE", "m, MALE", "f, FEMALE"})
    void upstreamSpellingsAreRead(String upstream, Gender gender) {
        assertEquals(Optional.of(gender), Gender.parse(upstream));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "U", "homme", "femme", "other", "Not Specified", "1", "2"})
    void anythingElseIsUnknown(String upstream) {
        assertTrue(Gender.parse(upstream).isEmpty());
    }

    @Test
    void claimsAreTheOidcValues() {
        assertEquals("male", Gender.MALE.claim());
        assertEquals("female", Gender.FEMALE.claim());
        assertEquals("unspecified", Gender.UNSPECIFIED.claim());
    }
}
