package fr.passerelle.franceconnect;

/**
 * Why an authorization request breaks FranceConnect's contract, as the OAuth error the service receives.
 *
 * @param error            the OAuth {@code error} code
 * @param description      the {@code error_description}, safe to show to the service
 * @param operatorProblem  true when the client's registration, not the request, is at fault: the operator must act
 */
public record AuthorizationRefusal(String error, String description, boolean operatorProblem) {
}
