package fr.passerelle.support.keycloak;

import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderEvent;

/**
 * A person's account moved from an earlier identity key to the current one (a rotation of the identity-key secret,
 * or the move from unkeyed to keyed keys), published in the transaction that moved it. Each module whose rows name
 * people by identity key re-keys them there ({@link TableProviderFactory#identityKeyTables()}), so the person's
 * traces, blocks and notices stay theirs and no row keeps the earlier key.
 *
 * @param session   the login's session, whose transaction the rows change in
 * @param realmId   the realm of the account
 * @param formerKeys the keys the account's rows may carry
 * @param key       the account's key from now on
 */
public record IdentityKeyMoved(KeycloakSession session, String realmId, Set<String> formerKeys, String key) implements ProviderEvent {

    public IdentityKeyMoved {
        formerKeys = Set.copyOf(formerKeys);
    }

    /** Re-keys the rows of the given tables, each with {@code REALM_ID} and {@code IDENTITY_KEY} columns. */
    void rekey(Iterable<String> tables) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        for (String table : tables) {
            for (String former : formerKeys) {
                em.createNativeQuery("UPDATE " + table + " SET IDENTITY_KEY = ?1 WHERE REALM_ID = ?2 AND IDENTITY_KEY = ?3")
                        .setParameter(1, key).setParameter(2, realmId).setParameter(3, former)
                        .executeUpdate();
            }
        }
    }
}
