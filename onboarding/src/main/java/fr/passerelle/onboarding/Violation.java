package fr.passerelle.onboarding;

/**
 * One rule a description breaks.
 *
 * @param code    stable, for scripts: {@code sector-missing}, {@code redirect-wildcard}, {@code idp-unknown}, ...
 * @param field   the description field at fault
 * @param message for the operator, in English
 */
public record Violation(String code, String field, String message) {
}
