package fr.passerelle.demo.dp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What two descriptions of one person must share for this data provider to say they are the same
 * person: names folded (case, accents, hyphens, apostrophes and runs of spaces do not count, since IdPs
 * spell "Marie Éloïse" and "MARIE ELOISE" differently), the birthdate with unknown day or month read as
 * the first ({@code 1972-00-00} and {@code 1972-01-01} are one date), gender, birth country, and the
 * birth commune only for people born in France (abroad, IdPs send free text or nothing).
 *
 * <p>A data provider matches against its own registry with its own rules; it shares no code with the
 * broker, as a real one would not.
 */
public record MatchKey(String givenName, String familyName, String birthdate, String gender,
                       String birthplace, String birthcountry) {

    static final String FRANCE = "99100";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-\u2010\u2011\u2013\u2014'\u2019\u2018`\u00B4\u02BC]+");
    private static final Pattern PRESUMED_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    public static MatchKey of(PivotIdentity identity) {
        String country = identity.birthcountry().strip();
        return new MatchKey(
                name(identity.givenName()),
                name(identity.familyName()),
                date(identity.birthdate()),
                identity.gender().strip().toLowerCase(Locale.ROOT),
                FRANCE.equals(country) ? identity.birthplace().strip().toUpperCase(Locale.ROOT) : "",
                country);
    }

    /** A key missing the names or the birthdate matches nobody rather than everybody. */
    public boolean isComplete() {
        return !givenName.isEmpty() && !familyName.isEmpty() && !birthdate.isEmpty();
    }

    static String name(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toUpperCase(Locale.ROOT);
        return SEPARATORS.matcher(folded).replaceAll(" ").strip();
    }

    static String date(String date) {
        var parts = PRESUMED_DATE.matcher(date.strip());
        if (!parts.matches()) {
            return date.strip();
        }
        return parts.group(1) + "-" + atLeastOne(parts.group(2)) + "-" + atLeastOne(parts.group(3));
    }

    private static String atLeastOne(String twoDigits) {
        return "00".equals(twoDigits) ? "01" : twoDigits;
    }
}
