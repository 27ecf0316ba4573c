package fr.passerelle.notice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a realm sends the connection notice. */
public enum NoticePolicy {
    /** After every connection to a service. */
    ALWAYS("always"),
    /** Only from a device never seen for this identity, or in a suspicious context (FranceConnect's rule). */
    NEW_DEVICE_OR_SUSPICIOUS("new-device-or-suspicious"),
    /** Never, not even in a suspicious context. */
    NEVER("never");

    public static final NoticePolicy DEFAULT = ALWAYS;

    private final String code;

    NoticePolicy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The policy a realm attribute names; empty for a value that names none (the caller decides the fallback). */
    public static Optional<NoticePolicy> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(normalized)).findFirst();
    }

    /** Whether a connection gets a notice. */
    public boolean sends(boolean knownDevice, boolean suspicious) {
        return switch (this) {
            case ALWAYS -> true;
            case NEW_DEVICE_OR_SUSPICIOUS -> !knownDevice || suspicious;
            case NEVER -> false;
        };
    }
}
