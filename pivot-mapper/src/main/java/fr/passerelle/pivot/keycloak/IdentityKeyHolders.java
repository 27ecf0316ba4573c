package fr.passerelle.pivot.keycloak;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Which account holds an identity key, as the database says. First logins of one person (two tabs, a double click,
 * two IdPs at once) take the key's row lock in turn: the first creates the account, the others find it.
 */
final class IdentityKeyHolders {

    private final KeycloakSession session;

    IdentityKeyHolders(KeycloakSession session) {
        this.session = session;
    }

    /**
     * The key's row, locked until the calling transaction ends. A missing row is first inserted in a transaction of
     * its own, so that concurrent logins all find one row to wait on; the loser of that insert race only learns the
     * row exists.
     */
    IdentityKeyHolderEntity lock(RealmModel realm, String identityKey) {
        String id = IdentityKeyHolderEntity.idOf(realm.getId(), identityKey);
        EntityManager em = entityManager(session);
        if (em.find(IdentityKeyHolderEntity.class, id) == null) {
            insertAlone(realm.getId(), identityKey, id);
        }
        IdentityKeyHolderEntity row = em.find(IdentityKeyHolderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("identity key row missing right after its creation");
        }
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return row;
    }

    private void insertAlone(String realmId, String identityKey, String id) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                EntityManager em = entityManager(own);
                if (em.find(IdentityKeyHolderEntity.class, id) == null) {
                    IdentityKeyHolderEntity row = new IdentityKeyHolderEntity();
                    row.setId(id);
                    row.setRealmId(realmId);
                    row.setIdentityKey(identityKey);
                    em.persist(row);
                }
            });
        } catch (RuntimeException concurrentInsert) {
            // Another login inserted the same row first: the unique key did its job, the row is there to lock.
            PivotLog.LOG.debugf("identity key row inserted concurrently: %s", concurrentInsert.getClass().getSimpleName());
        }
    }

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
