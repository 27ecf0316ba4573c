package fr.passerelle.loa;

import java.util.Objects;

/** The login is refused; the user goes back to the IdP choice and may pick another. */
public record Refused(LevelRefusal reason) implements LevelVerdict {

    public Refused {
        Objects.requireNonNull(reason, "reason");
    }
}
