package fr.passerelle.loa;

import java.util.Objects;

/**
 * When an existing broker session may stand in for a new authentication.
 *
 * @param ceiling the highest level a session may be reused at; above it, every request calls for
 *                a fresh authentication at the IdP
 */
public record SsoPolicy(EidasLevel ceiling) {

    // The highest levels are meant for acts where the person must be present each time, so by
    // default a session at eidas3 is never reused.
    public static final EidasLevel DEFAULT_CEILING = EidasLevel.SUBSTANTIAL;

    public SsoPolicy {
        Objects.requireNonNull(ceiling, "ceiling");
    }

    /**
     * @param acrOrBlank the ceiling's {@code acr} value, blank for {@link #DEFAULT_CEILING}
     * @throws IllegalArgumentException when the value names no level
     */
    public static SsoPolicy parse(String acrOrBlank) {
        if (acrOrBlank == null || acrOrBlank.isBlank()) {
            return new SsoPolicy(DEFAULT_CEILING);
        }
        return new SsoPolicy(EidasLevel.fromAcr(acrOrBlank).orElseThrow(() -> new IllegalArgumentException(
                "unknown single sign-on ceiling '" + acrOrBlank.strip() + "', expected eidas1, eidas2 or eidas3")));
    }

    /** @param sessionLevel the level the session was authenticated at; null when none was recorded */
    public boolean mayReuse(EidasLevel sessionLevel, EidasLevel requested) {
        Objects.requireNonNull(requested, "requested");
        return sessionLevel != null && sessionLevel.isAtLeast(requested) && ceiling.isAtLeast(sessionLevel);
    }
}
