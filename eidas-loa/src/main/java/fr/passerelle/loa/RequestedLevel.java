package fr.passerelle.loa;

import java.util.Objects;

/**
 * The level a service provider asks for, and where the broker read it.
 *
 * @param essential whether the SP marked the {@code acr} claim essential, in which case it must
 *                  not be given a token at another level
 */
public record RequestedLevel(EidasLevel level, boolean essential, Source source) {

    public enum Source { ACR_VALUES, CLAIMS, CLIENT_DEFAULT, PLATFORM_DEFAULT }

    public RequestedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
    }
}
