package fr.passerelle.consent;

import java.util.Locale;

/**
 * When an SP's users see the consent page. Per SP (client attribute {@code passerelle.consent}); the default
 * asks at each login where data scopes are requested, and never remembers a decision.
 */
public enum ConsentPolicy {
    /** At each login that requests data scopes (default). */
    DATA_SCOPES,
    /** At each login, even for identity scopes only. */
    EVERY_LOGIN,
    /** When data scopes are requested and the person has not already granted all of them to this SP. */
    REMEMBER;

    public static ConsentPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return DATA_SCOPES;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * @param requestsDataScopes whether the login asks for at least one data scope
     * @param alreadyGranted whether a remembered decision already covers every requested scope
     */
    public boolean mustAsk(boolean requestsDataScopes, boolean alreadyGranted) {
        return switch (this) {
            case EVERY_LOGIN -> true;
            case DATA_SCOPES -> requestsDataScopes;
            case REMEMBER -> requestsDataScopes && !alreadyGranted;
        };
    }
}
