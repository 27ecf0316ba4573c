package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthdateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 14);

    @ParameterizedTest
    @CsvSource({
        "1985-03-14, 1985-03-14",
        "1972-00-00, 1972-01-01",
        "1972-06-00, 1972-06-01",
        "2000-02-29, 2000-02-29",
        "1850-01-01, 1850-01-01",
        "1850-00-00, 1850-01-01",
        "2026-05-14, 2026-05-14",
        "2026-05-00, 2026-05-01",
        "2026-00-00, 2026-01-01"})
    void presumedPartsAreReadAsTheFirstDayOrMonth(String raw, String claim) {
        Birthdate birthdate = Birthdate.parse(raw, TODAY).orElseThrow();

        assertEquals(raw, birthdate.raw());
        assertEquals(claim, birthdate.claim());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1900-02-29", "1985-04-31", "1985-13-01", "1985-00-01", "1985-13-00", "1849-12-31",
        "2026-05-15", "2026-06-00", "2027-00-00",
        "", "1985-03-1", "1985/03/14", "+1985-03-14", "1985-03-14 ", "١٩٨٥-٠٣-١٤"})
    void impossibleOrMalformedDatesAreRefused(String raw) {
        assertTrue(Birthdate.parse(raw, TODAY).isEmpty());
    }

    @Test
    void todayIsReadAgainstTheClock() {
        assertTrue(Birthdate.parse("1985-03-14").isPresent());
        assertTrue(Birthdate.parse(null).isEmpty());
    }
}
