package fr.passerelle.consent.protocol.keycloak;

import fr.passerelle.names.ProtocolNames;
import fr.passerelle.support.keycloak.PolicyExecutorFactory;

/** Registers {@link StateNonceExecutor} as client policy executor {@value ProtocolNames#STATE_NONCE_EXECUTOR}. */
public class StateNonceExecutorFactory extends PolicyExecutorFactory {

    public StateNonceExecutorFactory() {
        super(ProtocolNames.STATE_NONCE_EXECUTOR,
                "Refuses an authorization request without state or without nonce (or with one longer than 512 characters) "
                + "with invalid_request, as FranceConnect does.",
                session -> new StateNonceExecutor());
    }
}
