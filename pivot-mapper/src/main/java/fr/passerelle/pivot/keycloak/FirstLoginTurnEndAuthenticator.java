package fr.passerelle.pivot.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * First step of the IdPs' post-broker-login flow: a first login gives back the person's turn
 * ({@link FirstLoginTurns}). Keycloak runs this flow in the request after the one that added the IdP link, so the
 * link is in the database when the next first login of the same person goes on. A returning login holds no turn.
 */
public class FirstLoginTurnEndAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FirstLoginTurns.giveBack(context.getSession(), context.getAuthenticationSession());
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
