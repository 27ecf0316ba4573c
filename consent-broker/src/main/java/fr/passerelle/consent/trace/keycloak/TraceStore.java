package fr.passerelle.consent.trace.keycloak;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.passerelle.consent.dashboard.Dashboard;
import fr.passerelle.consent.trace.TraceEvent;
import fr.passerelle.consent.trace.TraceRecord;

/** The realm database's trace and IdP-block tables, in the calling session's transaction. */
public final class TraceStore {

    /** A bound on the groups one person's dashboard reads: services x IdPs, DPs x services x data sets. */
    private static final int MAX_GROUPS = 2000;

    private final EntityManager em;

    public TraceStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void add(RealmModel realm, TraceRecord trace) {
        TraceEntity entity = new TraceEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setEvent(trace.event().code());
        entity.setTime(trace.time().toEpochMilli());
        entity.setSp(trace.sp());
        entity.setIdp(trace.idp());
        entity.setLevel(trace.level());
        entity.setScopes(trace.scopes());
        entity.setDp(trace.dp());
        entity.setSessionId(trace.sessionId());
        entity.setIdentityKey(trace.identityKey());
        entity.setReason(trace.reason());
        em.persist(entity);
    }

    public List<TraceRecord> ofIdentity(RealmModel realm, String identityKey, Instant since, int max) {
        return em.createNamedQuery("passerelleTracesOfIdentity", TraceEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("identityKey", identityKey)
                .setParameter("since", since.toEpochMilli())
                .setMaxResults(max)
                .getResultStream().map(TraceStore::record).toList();
    }

    public List<TraceRecord> ofRealm(RealmModel realm, Instant since, int max) {
        return em.createNamedQuery("passerelleTracesOfRealm", TraceEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("since", since.toEpochMilli())
                .setMaxResults(max)
                .getResultStream().map(TraceStore::record).toList();
    }

    /** One person's connections since a time, grouped per service and IdP, the most recent group first. */
    public List<Dashboard.ConnectionGroup> connectionGroups(RealmModel realm, String identityKey, Instant since) {
        return grouped(realm, identityKey, since, "t.sp, t.idp", Dashboard.connectionEvents()).stream()
                .map(r -> new Dashboard.ConnectionGroup((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        Instant.ofEpochMilli(((Number) r[3]).longValue()), Instant.ofEpochMilli(((Number) r[4]).longValue())))
                .toList();
    }

    /** One person's data exchanges since a time, grouped per DP, service and data, the most recent group first. */
    public List<Dashboard.ExchangeGroup> exchangeGroups(RealmModel realm, String identityKey, Instant since) {
        return grouped(realm, identityKey, since, "t.dp, t.sp, t.scopes", Dashboard.exchangeEvents()).stream()
                .map(r -> Dashboard.ExchangeGroup.of((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        Instant.ofEpochMilli(((Number) r[4]).longValue()), Instant.ofEpochMilli(((Number) r[5]).longValue())))
                .toList();
    }

    private List<Object[]> grouped(RealmModel realm, String identityKey, Instant since, String columns, List<String> events) {
        return em.createQuery("select " + columns + ", count(t), min(t.time), max(t.time) from TraceEntity t"
                        + " where t.realmId = :realmId and t.identityKey = :identityKey and t.time >= :since and t.event in :events"
                        + " group by " + columns + " order by max(t.time) desc", Object[].class)
                .setParameter("realmId", realm.getId())
                .setParameter("identityKey", identityKey)
                .setParameter("since", since.toEpochMilli())
                .setParameter("events", events)
                .setMaxResults(MAX_GROUPS)
                .getResultList();
    }

    /** Deletes the realm's traces older than the cutoff; returns how many. */
    public int purge(RealmModel realm, Instant cutoff) {
        return em.createNamedQuery("passerellePurgeTraces")
                .setParameter("realmId", realm.getId())
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate();
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

    private static TraceRecord record(TraceEntity e) {
        return new TraceRecord(TraceEvent.fromCode(e.getEvent()).orElseThrow(), Instant.ofEpochMilli(e.getTime()),
                e.getSp(), e.getIdp(), e.getLevel(), e.getScopes(), e.getDp(), e.getSessionId(), e.getIdentityKey(), e.getReason());
    }
}
