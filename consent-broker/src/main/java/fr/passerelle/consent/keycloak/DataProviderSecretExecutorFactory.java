package fr.passerelle.consent.keycloak;

import fr.passerelle.support.keycloak.PolicyExecutorFactory;

/** Registers {@link DataProviderSecretExecutor} as client policy executor {@value DataProviderSecretExecutor#ID}. */
public class DataProviderSecretExecutorFactory extends PolicyExecutorFactory {

    public DataProviderSecretExecutorFactory() {
        super(DataProviderSecretExecutor.ID,
                "Refuses a data provider whose client secret is shorter than 256 bits (it keys the HS256 signature of its "
                + "checktoken answers) with invalid_client_metadata, code dp_secret_too_short.",
                session -> new DataProviderSecretExecutor());
    }
}
