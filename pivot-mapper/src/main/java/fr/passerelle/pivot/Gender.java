package fr.passerelle.pivot;

import java.util.Locale;
import java.util.Optional;

public enum Gender {
    MALE("male", "m"),
    FEMALE("female", "f"),
    UNSPECIFIED("unspecified", null);

    private final String claim;
    /** The one-letter spelling some French IdPs use; none exists for unspecified. */
    private final String initial;

    Gender(String claim, String initial) {
        this.claim = claim;
        this.initial = initial;
    }

    public String claim() {
        return claim;
    }

    /**
     * Reads an upstream spelling: the OIDC values, the eIDAS ones ({@code Male}, {@code Female},
     * {@code Unspecified}) and the initials {@code M}/{@code F}, in any case.
     */
    public static Optional<Gender> parse(String upstream) {
        if (upstream == null) {
            return Optional.empty();
        }
        String spelling = upstream.strip().toLowerCase(Locale.ROOT);
        for (Gender gender : values()) {
            if (gender.claim.equals(spelling) || spelling.equals(gender.initial)) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }
}
