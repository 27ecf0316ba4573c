package fr.passerelle.consent.protocol;

import java.util.Optional;

/**
 * FranceConnect's rules for an authorization request that Keycloak does not enforce itself: {@code state}
 * (ties the answer to the SP's browser session) and {@code nonce} (ties the ID token to the request) are both
 * required, whatever the scope, and bounded in size.
 */
public final class RequestRules {

    /** Longest {@code state} or {@code nonce} accepted: ample for any random value, small for a stored session. */
    public static final int MAX_LENGTH = 512;

    private RequestRules() {
    }

    /** Why the request is refused ({@code invalid_request}'s description), or empty when it follows the rules. */
    public static Optional<String> problem(String state, String nonce) {
        Optional<String> stateProblem = parameterProblem("state", state);
        return stateProblem.isPresent() ? stateProblem : parameterProblem("nonce", nonce);
    }

    private static Optional<String> parameterProblem(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("Missing parameter: " + name);
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("Parameter too long: " + name + " (at most " + MAX_LENGTH + " characters)");
        }
        return Optional.empty();
    }
}
