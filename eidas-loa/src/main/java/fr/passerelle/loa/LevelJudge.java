package fr.passerelle.loa;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Decides whether the level an identity provider came back with lets the login go on. */
public final class LevelJudge {

    private LevelJudge() {
    }

    /**
     * @param upstreamValues the values the IdP answered with: its {@code acr} claim, or each
     *                       SAML {@code AuthnContextClassRef}; may be null or empty
     */
    public static LevelVerdict judge(IdpLevelPolicy policy, EidasLevel requested, List<String> upstreamValues) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(requested, "requested");
        List<String> values = upstreamValues == null ? List.of() : upstreamValues.stream()
                .filter(value -> value != null && !value.isBlank())
                .map(String::strip)
                .toList();
        if (values.isEmpty()) {
            return new Refused(LevelRefusal.MISSING);
        }
        // When an IdP names several levels, only the lowest is sure to have been achieved.
        Optional<EidasLevel> lowest = values.stream()
                .map(value -> Optional.ofNullable(policy.upstreamValues().get(value)))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(EidasLevel::loa));
        if (lowest.isEmpty()) {
            return new Refused(LevelRefusal.UNKNOWN);
        }
        EidasLevel level = lowest.get();
        // The broker vouches for the level in its own tokens, so it never repeats a claim beyond
        // what it trusts this IdP for, however the IdP is configured upstream.
        boolean capped = !policy.ceiling().isAtLeast(level);
        if (capped) {
            level = policy.ceiling();
        }
        if (!policy.assertable().contains(level)) {
            return new Refused(LevelRefusal.NOT_ASSERTABLE);
        }
        if (!level.isAtLeast(requested)) {
            return new Refused(LevelRefusal.BELOW_REQUEST);
        }
        return new Accepted(level, capped);
    }
}
