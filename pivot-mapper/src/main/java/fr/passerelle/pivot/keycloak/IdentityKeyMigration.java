package fr.passerelle.pivot.keycloak;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.IdentityKey;
import fr.passerelle.pivot.PairwiseSub;
import fr.passerelle.support.keycloak.IdentityKeyMoved;

/**
 * Moves an account given its identity key before a rotation of the identity-key secret (or before keys were keyed)
 * to the person's current key, at their next login, before Keycloak looks the account up: the holder row, the
 * account's key and a username that was the key, and, through {@link IdentityKeyMoved}, every trace, block and notice
 * row of the earlier key. The account keeps its {@code sub}s: its subject key and {@code sub} version are fixed
 * first, from what they were.
 */
final class IdentityKeyMigration {

    private final KeycloakSession session;
    private final RealmModel realm;

    IdentityKeyMigration(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Nothing to do (one primary-key read) once the current key has its holder; otherwise looks for an earlier one. */
    void moveToCurrentKey(IdentityKey key, String keyVersion, List<IdentityKey> formerKeys) {
        EntityManager em = entityManager();
        IdentityKeyHolderEntity current = em.find(IdentityKeyHolderEntity.class, IdentityKeyHolderEntity.idOf(realm.getId(), key.hex()));
        if (current != null && current.getUserId() != null) {
            return;
        }
        for (IdentityKey former : formerKeys) {
            UserModel account = holderOf(former);
            if (account != null) {
                move(account, former, key, keyVersion);
                return;
            }
        }
    }

    private UserModel holderOf(IdentityKey former) {
        IdentityKeyHolderEntity row = entityManager().find(IdentityKeyHolderEntity.class,
                IdentityKeyHolderEntity.idOf(realm.getId(), former.hex()));
        if (row != null && row.getUserId() != null) {
            UserModel holder = session.users().getUserById(realm, row.getUserId());
            if (holder != null) {
                return holder;
            }
        }
        // Accounts from before the holder table: the attribute says who holds the key. Two holders are an operator's
        // case (the first-login step refuses the login); none is moved.
        List<UserModel> holders = session.users().searchForUserByUserAttributeStream(realm, UserAttributes.IDENTITY_KEY, former.hex())
                .limit(2).toList();
        return holders.size() == 1 ? holders.get(0) : null;
    }

    private void move(UserModel account, IdentityKey former, IdentityKey key, String keyVersion) {
        EntityManager em = entityManager();
        // Logins of the same person wait for each other here; the first moves the account, the others find it moved.
        IdentityKeyHolderEntity current = new IdentityKeyHolders(session).lock(realm, key.hex());
        if (current.getUserId() != null) {
            return;
        }
        String heldKey = account.getFirstAttribute(UserAttributes.IDENTITY_KEY);
        // Its sub derived from the key it held, under v1, until it said otherwise: fixed before the key changes.
        if (account.getFirstAttribute(UserAttributes.SUBJECT_KEY) == null && heldKey != null) {
            account.setSingleAttribute(UserAttributes.SUBJECT_KEY, heldKey);
        }
        if (account.getFirstAttribute(UserAttributes.SUB_VERSION) == null) {
            account.setSingleAttribute(UserAttributes.SUB_VERSION, PairwiseSub.FIRST_VERSION);
        }
        Set<String> formerKeys = new LinkedHashSet<>();
        formerKeys.add(former.hex());
        if (heldKey != null) {
            formerKeys.add(heldKey);
        }
        for (String formerKey : formerKeys) {
            IdentityKeyHolderEntity formerRow = em.find(IdentityKeyHolderEntity.class, IdentityKeyHolderEntity.idOf(realm.getId(), formerKey));
            if (formerRow != null) {
                em.remove(formerRow);
            }
        }
        // The account's user id leaves the former row before it enters the current one (one row per account).
        em.flush();
        current.setUserId(account.getId());
        account.setSingleAttribute(UserAttributes.IDENTITY_KEY, key.hex());
        account.setSingleAttribute(UserAttributes.IDENTITY_KEY_VERSION, keyVersion);
        if (formerKeys.contains(account.getUsername())) {
            account.setUsername(OpaqueUsernames.next());
        }
        session.getKeycloakSessionFactory().publish(new IdentityKeyMoved(session, realm.getId(), formerKeys, key.hex()));
        PivotLog.LOG.infof("An account in realm %s moved to its identity key of version %s", realm.getName(), keyVersion);
    }

    private EntityManager entityManager() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
