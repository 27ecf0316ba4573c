package fr.passerelle.loa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The IdP choice page: what it shows, and whether a choice sent back may be followed. */
public final class IdpChoice {

    private IdpChoice() {
    }

    /** The options to show, in the order of {@code entries}, hidden IdPs left out. */
    public static List<IdpOption> options(List<IdpEntry> entries, SpIdpRules rules, EidasLevel requested) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(requested, "requested");
        return entries.stream()
                .filter(entry -> !entry.hidden())
                .map(entry -> new IdpOption(entry, stateOf(entry, rules, requested)))
                .toList();
    }

    /**
     * Checks a choice as it comes back from the browser, which may not be one the page offered.
     *
     * @return empty when the choice may be followed, otherwise why it may not
     */
    public static Optional<OptionState> refusalFor(List<IdpEntry> entries, SpIdpRules rules, EidasLevel requested,
                                                   String chosenAlias) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(requested, "requested");
        OptionState state = entries.stream()
                .filter(entry -> !entry.hidden() && entry.alias().equals(chosenAlias))
                .findFirst()
                .map(entry -> stateOf(entry, rules, requested))
                .orElse(OptionState.UNKNOWN);
        return state == OptionState.AVAILABLE ? Optional.empty() : Optional.of(state);
    }

    // When several reasons apply, the page shows the one most useful to the person: maintenance
    // is temporary and its message says when to come back; an exclusion by the SP holds whatever
    // the level, so it is named before the level the IdP cannot reach.
    private static OptionState stateOf(IdpEntry entry, SpIdpRules rules, EidasLevel requested) {
        if (entry.inMaintenance()) {
            return OptionState.MAINTENANCE;
        }
        if (!rules.permits(entry.alias())) {
            return OptionState.EXCLUDED_FOR_SP;
        }
        if (!entry.policy().canReach(requested)) {
            return OptionState.LEVEL_UNREACHABLE;
        }
        return OptionState.AVAILABLE;
    }
}
