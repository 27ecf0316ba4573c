package fr.passerelle.onboarding;

/**
 * A data scope a DP serves.
 *
 * @param consentText what the consent page says the person shares (a {@code ${messageKey}} of the theme, or plain text)
 */
public record DataScope(String name, String description, String consentText) {
}
