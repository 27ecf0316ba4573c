package fr.passerelle.notice;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short code a notice names its connection by: eight characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown as {@code ABCD-EFGH}; about 40 bits, so that, with the e-mail address it was sent to
 * and the rate limit, it cannot be guessed.
 */
public record ConnectionCode(String value) {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ConnectionCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a connection code");
        }
    }

    public static ConnectionCode random() {
        return random(RANDOM);
    }

    static ConnectionCode random(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new ConnectionCode(code.toString());
    }

    /** What a person typed: case, spaces and dashes do not matter; anything else is not a code. */
    public static Optional<ConnectionCode> parse(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            return Optional.of(new ConnectionCode(compact));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As printed in the e-mail: two groups of four. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }
}
