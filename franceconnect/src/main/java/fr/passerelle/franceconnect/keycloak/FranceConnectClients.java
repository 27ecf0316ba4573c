package fr.passerelle.franceconnect.keycloak;

import org.jboss.logging.Logger;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.keys.loader.PublicKeyStorageManager;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;

import fr.passerelle.franceconnect.FranceConnectProfile;
import fr.passerelle.names.ClientAttributes;

/** Reads what a client registered that the FranceConnect profile depends on. */
final class FranceConnectClients {

    static final Logger LOG = Logger.getLogger("fr.passerelle.franceconnect");

    private FranceConnectClients() {
    }

    static boolean isFranceConnect(ClientModel client) {
        return client != null && FranceConnectProfile.selectedBy(client.getAttribute(ClientAttributes.PROFILE));
    }

    /**
     * Whether both the ID token and userinfo will go out encrypted: Keycloak's own per-client encryption
     * settings are set and the client's registered keys (JWKS URL or JWKS) hold a key for the ID token's algorithm.
     * Tells the operator in the log what is missing otherwise.
     */
    static boolean encryptionReady(KeycloakSession session, ClientModel client) {
        OIDCAdvancedConfigWrapper config = OIDCAdvancedConfigWrapper.fromClientModel(client);
        String idTokenAlg = config.getIdTokenEncryptedResponseAlg();
        String userinfoAlg = config.getUserInfoEncryptedResponseAlg();
        if (isBlank(idTokenAlg) || isBlank(userinfoAlg)) {
            LOG.errorf("FranceConnect-profile client %s asked for eidas2 or above but has no ID token and userinfo encryption"
                    + " registered (id.token.encrypted.response.alg, user.info.encrypted.response.alg and its jwks.url);"
                    + " the login is refused", client.getClientId());
            return false;
        }
        KeyWrapper key;
        try {
            key = PublicKeyStorageManager.getClientPublicKeyWrapper(session, client, JWK.Use.ENCRYPTION, idTokenAlg);
        } catch (RuntimeException e) {
            key = null;
        }
        if (key == null) {
            LOG.errorf("FranceConnect-profile client %s asked for eidas2 or above but its registered keys (jwks.url) hold no"
                    + " encryption key for %s; the login is refused", client.getClientId(), idTokenAlg);
            return false;
        }
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
