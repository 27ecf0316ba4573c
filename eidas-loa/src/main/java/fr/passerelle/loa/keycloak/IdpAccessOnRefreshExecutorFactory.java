package fr.passerelle.loa.keycloak;

import fr.passerelle.support.keycloak.PolicyExecutorFactory;

/** Registers {@link IdpAccessOnRefreshExecutor} as client policy executor {@value #ID}. */
public class IdpAccessOnRefreshExecutorFactory extends PolicyExecutorFactory {

    public static final String ID = "passerelle-idp-access-on-refresh";

    public IdpAccessOnRefreshExecutorFactory() {
        super(ID,
                "Refuses the refresh-token grant with invalid_grant when the rules no longer allow the session for the client: "
                + "the IdP it was opened with denied by the client, in maintenance or gone, or its level below the client's minimum level.",
                IdpAccessOnRefreshExecutor::new);
    }
}
