package fr.passerelle.dashboard.keycloak;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The realm database's table of the IdPs people blocked, in the calling session's transaction. */
public final class IdpBlockStore {

    private final EntityManager em;

    public IdpBlockStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public Set<String> blockedIdps(RealmModel realm, String identityKey) {
        return em.createNamedQuery("passerelleIdpBlocksOfIdentity", IdpBlockEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("identityKey", identityKey)
                .getResultStream().map(IdpBlockEntity::getIdpAlias).collect(Collectors.toSet());
    }

    public boolean isBlocked(RealmModel realm, String identityKey, String idpAlias) {
        return !blockOf(realm, identityKey, idpAlias).isEmpty();
    }

    public void block(RealmModel realm, String identityKey, String idpAlias) {
        if (isBlocked(realm, identityKey, idpAlias)) {
            return;
        }
        IdpBlockEntity entity = new IdpBlockEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setIdentityKey(identityKey);
        entity.setIdpAlias(idpAlias);
        entity.setCreatedAt(System.currentTimeMillis());
        em.persist(entity);
    }

    public void unblock(RealmModel realm, String identityKey, String idpAlias) {
        blockOf(realm, identityKey, idpAlias).forEach(em::remove);
    }

    private List<IdpBlockEntity> blockOf(RealmModel realm, String identityKey, String idpAlias) {
        return em.createNamedQuery("passerelleIdpBlock", IdpBlockEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("identityKey", identityKey)
                .setParameter("idpAlias", idpAlias)
                .getResultList();
    }
}
