package fr.passerelle.loa;

import java.util.Objects;
import java.util.Optional;

/**
 * The level a service provider asks for, and where the broker read it.
 *
 * @param essential whether the SP marked the {@code acr} claim essential, in which case it must
 *                  not be given a token at another level
 */
public record RequestedLevel(EidasLevel level, boolean essential, Source source) {

    public enum Source { ACR_VALUES, CLAIMS, CLIENT_DEFAULT, PLATFORM_DEFAULT, CLIENT_MINIMUM }

    public RequestedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
    }

    /**
     * This request raised to the SP's minimum level when it asks for less (an SP that must not receive a lower
     * level than, say, eidas2 says so once in its settings rather than in every request).
     */
    public RequestedLevel atLeast(Optional<EidasLevel> minimum) {
        return minimum.filter(min -> !level.isAtLeast(min))
                .map(min -> new RequestedLevel(min, essential, Source.CLIENT_MINIMUM))
                .orElse(this);
    }
}
