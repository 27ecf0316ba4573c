package fr.passerelle.support.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An authenticator of the suite that decides on what the request and the realm say, before or without a known
 * user: it needs no user, is configured for everyone, sets no required action, holds nothing to release, and a
 * form it may show goes on when submitted unless it says otherwise.
 */
public interface FlowStep extends Authenticator {

    @Override
    default void action(AuthenticationFlowContext context) {
        context.success();
    }

    @Override
    default boolean requiresUser() {
        return false;
    }

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    default void close() {
    }
}
