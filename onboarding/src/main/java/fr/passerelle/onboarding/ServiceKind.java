package fr.passerelle.onboarding;

import java.util.Locale;
import java.util.Optional;

/** What a registered client is to the broker. */
public enum ServiceKind {
    /** People sign in to it; it receives pivot identities and access tokens. */
    SERVICE_PROVIDER,
    /** It serves data scopes and calls checktoken; nobody signs in to it. */
    DATA_PROVIDER;

    /** {@code service-provider} or {@code data-provider}. */
    public static Optional<ServiceKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ServiceKind kind : values()) {
            if (kind.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
