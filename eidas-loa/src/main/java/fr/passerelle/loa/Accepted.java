package fr.passerelle.loa;

import java.util.Objects;

/**
 * The login goes on at {@code level}, the level to put in the broker's tokens.
 *
 * @param capped whether the IdP claimed more than it may assert and was brought down to its
 *               ceiling, worth an event for the operator even though the login succeeds
 */
public record Accepted(EidasLevel level, boolean capped) implements LevelVerdict {

    public Accepted {
        Objects.requireNonNull(level, "level");
    }
}
