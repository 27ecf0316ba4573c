package fr.passerelle.loa;

import java.util.Objects;

/** One line of the IdP choice page. */
public record IdpOption(IdpEntry entry, OptionState state) {

    public IdpOption {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(state, "state");
    }

    public boolean selectable() {
        return state == OptionState.AVAILABLE;
    }
}
