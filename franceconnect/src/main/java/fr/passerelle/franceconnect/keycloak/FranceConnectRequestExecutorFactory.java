package fr.passerelle.franceconnect.keycloak;

import fr.passerelle.support.keycloak.PolicyExecutorFactory;

public class FranceConnectRequestExecutorFactory extends PolicyExecutorFactory {

    public static final String PROVIDER_ID = "passerelle-franceconnect-request";

    public FranceConnectRequestExecutorFactory() {
        super(PROVIDER_ID,
                "FranceConnect's authorization request rules: acr_values required, unknown values refused with invalid_acr,"
                + " nonce of at least 22 characters, and eidas2 or above only for a client that registered ID token and"
                + " userinfo encryption with a key.",
                FranceConnectRequestExecutor::new);
    }
}
