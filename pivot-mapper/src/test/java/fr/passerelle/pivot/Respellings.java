package fr.passerelle.pivot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Names and the ways IdPs may spell them: any case, with or without accents (precomposed or
 * combining), with hyphens, apostrophes or odd spaces between the words.
 */
final class Respellings {

    /** A name as canonicalisation should give it: upper-case words of plain letters, one space apart. */
    record Name(String canonical, String spelled) {
    }

    private static final Map<Character, String> ACCENTED = Map.of(
            'A', "ÀÁÂÄÃÅàáâäãå",
            'E', "ÉÈÊËéèêë",
            'I', "ÎÏÍîïí",
            'O', "ÔÖÓÕôöóõ",
            'U', "ÙÛÜÚùûüú",
            'C', "Çç",
            'N', "Ññ",
            'Y', "Ÿÿ");

    private static final List<String> SEPARATORS = List.of(
            " ", "  ", " - ", "-", "\u2010", "\u2011", "\u2013", "\u2014",
            "'", "\u2019", "\u2018", "`", "\u00B4", "\u02BC", "\u00A0", "\u202F");

    /** Tabs and newlines only around a name: inside one they are control characters, which names may not hold. */
    private static final List<String> PADDINGS = List.of("", " ", "  ", "\u00A0", "\t", "\n");

    private Respellings() {
    }

    static Arbitrary<Name> names() {
        Arbitrary<List<String>> words = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10)
                .list().ofMinSize(1).ofMaxSize(4);
        return words.flatMap(w -> respelled(w).map(spelled -> new Name(String.join(" ", w), spelled)));
    }

    private static Arbitrary<String> respelled(List<String> words) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        parts.add(Arbitraries.of(PADDINGS));
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                parts.add(Arbitraries.of(SEPARATORS));
            }
            words.get(i).chars().forEach(letter -> parts.add(Arbitraries.of(spellings((char) letter))));
        }
        parts.add(Arbitraries.of(PADDINGS));
        return Combinators.combine(parts).as(spelled -> String.join("", spelled));
    }

    private static List<String> spellings(char letter) {
        List<String> spellings = new ArrayList<>(List.of(
                String.valueOf(letter),
                String.valueOf(Character.toLowerCase(letter)),
                Character.toLowerCase(letter) + "\u0301",
                letter + "\u0308"));
        ACCENTED.getOrDefault(letter, "").chars().forEach(accented -> spellings.add(String.valueOf((char) accented)));
        return spellings;
    }
}
