package fr.passerelle.loa;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An eIDAS level of assurance, named by the {@code acr} value the broker exchanges with service
 * providers and numbered as in the realm's acr-to-LoA map.
 */
public enum EidasLevel {
    LOW("eidas1", 1),
    SUBSTANTIAL("eidas2", 2),
    HIGH("eidas3", 3);

    private final String acr;
    private final int loa;

    EidasLevel(String acr, int loa) {
        this.acr = acr;
        this.loa = loa;
    }

    public String acr() {
        return acr;
    }

    public int loa() {
        return loa;
    }

    /** The level named by an {@code acr} value, ignoring surrounding blanks and case. */
    public static Optional<EidasLevel> fromAcr(String acr) {
        if (acr == null) {
            return Optional.empty();
        }
        String wanted = acr.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(level -> level.acr.equals(wanted)).findFirst();
    }

    public static Optional<EidasLevel> fromLoa(int loa) {
        return Arrays.stream(values()).filter(level -> level.loa == loa).findFirst();
    }

    public boolean isAtLeast(EidasLevel other) {
        return loa >= Objects.requireNonNull(other, "other").loa;
    }

    public static EidasLevel max(EidasLevel a, EidasLevel b) {
        return a.isAtLeast(b) ? a : b;
    }

    public static EidasLevel min(EidasLevel a, EidasLevel b) {
        return a.isAtLeast(b) ? b : a;
    }
}
