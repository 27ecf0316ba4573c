package fr.passerelle.loa;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which identity providers a service provider accepts its users from.
 *
 * @param allowed the only aliases permitted; empty to permit every one not denied
 * @param denied  aliases never permitted, even when also allowed
 */
public record SpIdpRules(Set<String> allowed, Set<String> denied) {

    public SpIdpRules {
        allowed = allowed == null ? Set.of() : Set.copyOf(allowed);
        denied = denied == null ? Set.of() : Set.copyOf(denied);
    }

    /** Reads aliases separated by commas or blanks; either list may be null or blank. */
    public static SpIdpRules parse(String allowedCsv, String deniedCsv) {
        return new SpIdpRules(aliases(allowedCsv), aliases(deniedCsv));
    }

    public boolean permits(String alias) {
        return !denied.contains(alias) && (allowed.isEmpty() || allowed.contains(alias));
    }

    private static Set<String> aliases(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split("[,\\s]+"))
                .filter(alias -> !alias.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
