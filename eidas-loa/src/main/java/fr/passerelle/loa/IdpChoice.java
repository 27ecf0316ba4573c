package fr.passerelle.loa;

import java.util.List;

/** The IdP choice page: what it shows. Whether a choice sent back may be followed is {@link IdpAccess}'s to say. */
public final class IdpChoice {

    private IdpChoice() {
    }

    /** The options to show, in the order of {@code entries}, hidden IdPs left out. */
    public static List<IdpOption> options(IdpAccess access) {
        return access.entries().stream()
                .filter(entry -> !entry.hidden())
                .map(entry -> new IdpOption(entry, access.stateOf(entry)))
                .toList();
    }
}
