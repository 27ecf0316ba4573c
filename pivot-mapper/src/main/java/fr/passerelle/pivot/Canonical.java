package fr.passerelle.pivot;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spelling-independent form of a name, so that one person spelled differently by two IdPs
 * ("Éloïse-Marie", "ELOISE MARIE") gets one identity key.
 */
public final class Canonical {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Whitespace, hyphens (- ‐ ‑ – —) and apostrophes (' ’ ‘ ` ´ ʼ): IdPs use them interchangeably. */
    private static final Pattern SEPARATORS = Pattern.compile(
            "[\\p{javaWhitespace}\\p{Z}\\-\u2010\u2011\u2013\u2014'\u2019\u2018`\u00B4\u02BC]+");

    /** Upper-case letters NFKD keeps whole, being letters of their own rather than accented ones. */
    private static final Map<String, String> LETTERS = Map.of(
            "\u1E9E", "SS", // ẞ; ß itself upper-cases to SS
            "\u00C6", "AE", // Æ
            "\u0152", "OE", // Œ
            "\u00D8", "O", // Ø
            "\u0141", "L", // Ł
            "\u0110", "D"); // Đ

    private static final Pattern LETTERS_PATTERN = Pattern.compile("[\u1E9E\u00C6\u0152\u00D8\u0141\u0110]");

    private Canonical() {
    }

    /**
     * Folds case, diacritics and separators away. Idempotent: {@code name(name(s)).equals(name(s))}.
     */
    public static String name(String name) {
        // NFKD can yield lower-case letters (㎡ becomes m2) and Unicode does not promise that
        // upper-casing yields NFKD text, so both run twice: the name must be a fixed point.
        String folded = upperCase(decompose(upperCase(decompose(name))));
        return SEPARATORS.matcher(MARKS.matcher(folded).replaceAll("")).replaceAll(" ").strip();
    }

    private static String decompose(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD);
    }

    private static String upperCase(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return LETTERS_PATTERN.matcher(upper).replaceAll(letter -> LETTERS.get(letter.group()));
    }
}
