package fr.passerelle.franceconnect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.passerelle.loa.EidasLevel;

/**
 * FranceConnect's rules for an authorization request, beyond what every client must follow: {@code acr_values} is
 * mandatory and every value must be a level the platform knows ({@code invalid_acr} otherwise); a {@code nonce},
 * when sent, has at least 22 characters; and from eidas2 up the ID token and userinfo go out encrypted, so a
 * client without an encryption key registered cannot ask for those levels.
 */
public final class FranceConnectRequest {

    /** FranceConnect's minimum nonce length. */
    public static final int MINIMUM_NONCE_LENGTH = 22;
    /** FranceConnect's error for an {@code acr_values} it does not know. */
    public static final String INVALID_ACR = "invalid_acr";
    /** From this level up FranceConnect+ encrypts the ID token and userinfo to the service's key. */
    public static final EidasLevel ENCRYPTED_FROM = EidasLevel.SUBSTANTIAL;

    private FranceConnectRequest() {
    }

    /**
     * @param acrValues          the request's {@code acr_values}, as sent (space separated), or null
     * @param nonce              the request's {@code nonce}, or null (its presence is the common rule's business)
     * @param encryptionReady    whether the client registered ID token and userinfo encryption and a key for it
     * @return the refusal, or empty when the request follows FranceConnect's contract
     */
    public static Optional<AuthorizationRefusal> check(String acrValues, String nonce, boolean encryptionReady) {
        List<String> values = acrValues == null ? List.of()
                : Arrays.stream(acrValues.strip().split("\\s+")).filter(value -> !value.isEmpty()).toList();
        if (values.isEmpty()) {
            return Optional.of(new AuthorizationRefusal("invalid_request", "acr_values is required", false));
        }
        List<EidasLevel> levels = new ArrayList<>();
        for (String value : values) {
            Optional<EidasLevel> level = EidasLevel.fromAcr(value);
            if (level.isEmpty() || !level.get().acr().equals(value)) {
                return Optional.of(new AuthorizationRefusal(INVALID_ACR, "acr_values: unknown value " + abbreviate(value), false));
            }
            levels.add(level.get());
        }
        if (nonce != null && nonce.length() < MINIMUM_NONCE_LENGTH) {
            return Optional.of(new AuthorizationRefusal("invalid_request",
                    "nonce must have at least " + MINIMUM_NONCE_LENGTH + " characters", false));
        }
        EidasLevel requested = levels.stream().reduce(EidasLevel::min).orElseThrow();
        if (requested.isAtLeast(ENCRYPTED_FROM) && !encryptionReady) {
            return Optional.of(new AuthorizationRefusal("unauthorized_client",
                    "this client has no encryption key registered; " + requested.acr() + " needs encrypted tokens", true));
        }
        return Optional.empty();
    }

    /** The lowest level asked for, when every value is known; what the broker will aim at. */
    public static Optional<EidasLevel> requestedLevel(String acrValues) {
        if (acrValues == null || acrValues.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(acrValues.strip().split("\\s+")).map(EidasLevel::fromAcr).flatMap(Optional::stream).reduce(EidasLevel::min);
    }

    private static String abbreviate(String value) {
        String safe = value.replaceAll("[^A-Za-z0-9_.:/-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
