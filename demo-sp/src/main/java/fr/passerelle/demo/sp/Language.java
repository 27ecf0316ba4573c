package fr.passerelle.demo.sp;

import java.util.Locale;
import java.util.Optional;

/** The languages the demo SP speaks: French first, English on request. */
public enum Language {
    FR("fr"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Optional<Language> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        String language = dash < 0 ? primary : primary.substring(0, dash);
        for (Language candidate : values()) {
            if (candidate.tag.equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The language to answer in: an explicit {@code ?lang=} first, then the one the person chose before
     * (cookie), then the first of the browser's {@code Accept-Language} the site speaks, else French.
     */
    public static Language choose(String queryParameter, String cookie, String acceptLanguage) {
        return of(queryParameter).or(() -> of(cookie)).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(FR);
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() > 0) {
                    Optional<Language> language = of(range.getRange());
                    if (language.isPresent()) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header says nothing about the person's language.
        }
        return Optional.empty();
    }
}
