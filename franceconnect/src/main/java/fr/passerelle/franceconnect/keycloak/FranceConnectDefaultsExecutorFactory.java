package fr.passerelle.franceconnect.keycloak;

import fr.passerelle.support.keycloak.PolicyExecutorFactory;

public class FranceConnectDefaultsExecutorFactory extends PolicyExecutorFactory {

    public static final String PROVIDER_ID = "passerelle-franceconnect-defaults";

    public FranceConnectDefaultsExecutorFactory() {
        super(PROVIDER_ID,
                "On registration or update of a client whose passerelle.profile is franceconnect: sets FranceConnect's token"
                + " settings where unset (access token 60 s, no refresh token, ES256, signed userinfo; with a JWKS,"
                + " RSA-OAEP/A256GCM encryption of the ID token and userinfo).",
                session -> new FranceConnectDefaultsExecutor());
    }
}
