package fr.passerelle.pivot.keycloak;

import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Usernames of brokered accounts: random, so that nothing about the person (nor their identity key) is in the
 * username that Keycloak writes into its events, logs and admin screens. Nobody signs in by username here.
 */
final class OpaqueUsernames {

    private OpaqueUsernames() {
    }

    static String next() {
        return KeycloakModelUtils.generateId();
    }
}
