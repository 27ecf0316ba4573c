package fr.passerelle.loa.keycloak;

/**
 * Authentication-session notes only the levels shell reads. Names other modules or operators see live in
 * {@code fr.passerelle.names}.
 */
final class PasserelleKeys {

    static final String REFUSAL_NOTE = "passerelle.refusal";
    static final String SAML_REQUESTED_CLASS_REF_NOTE = "passerelle.saml-requested-class-ref";

    // The OIDC IdP forwards a client note of this name as acr_values, ahead of the SP's own acr_values.
    static final String FORWARDED_ACR_VALUES_NOTE = "client_request_param_acr_values";

    private PasserelleKeys() {
    }
}
