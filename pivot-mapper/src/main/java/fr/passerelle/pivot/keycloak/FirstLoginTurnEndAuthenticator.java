package fr.passerelle.pivot.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;

import fr.passerelle.support.keycloak.FlowStep;

/**
 * First step of the IdPs' post-broker-login flow: a first login gives back the person's turn
 * ({@link FirstLoginTurns}). Keycloak runs this flow in the request after the one that added the IdP link, so the
 * link is in the database when the next first login of the same person goes on. A returning login holds no turn.
 */
public class FirstLoginTurnEndAuthenticator implements FlowStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FirstLoginTurns.giveBack(context.getSession(), context.getAuthenticationSession());
        context.success();
    }
}
