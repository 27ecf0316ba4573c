package fr.passerelle.pivot.keycloak;

import fr.passerelle.support.keycloak.PolicyExecutorFactory;

/** Registers {@link LogoutChannelsExecutor} as client policy executor {@value #ID}. */
public class LogoutChannelsExecutorFactory extends PolicyExecutorFactory {

    public static final String ID = "passerelle-logout-without-session-id";

    public LogoutChannelsExecutorFactory() {
        super(ID, "On client registration and update, Keycloak's front- and back-channel logout requests go without a session id"
                + " (frontchannel/backchannel.logout.session.required false): a back-channel logout token names the person by"
                + " the client's pairwise sub.",
                LogoutChannelsExecutor::new);
    }
}
