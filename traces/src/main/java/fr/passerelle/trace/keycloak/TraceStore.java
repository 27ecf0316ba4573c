package fr.passerelle.trace.keycloak;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import fr.passerelle.names.TraceEvent;
import fr.passerelle.trace.TimeOrderedIds;
import fr.passerelle.trace.TraceRecord;

/** The realm database's trace table, in the calling session's transaction. */
public final class TraceStore {

    private final KeycloakSession session;
    private final EntityManager em;

    public TraceStore(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void add(RealmModel realm, TraceRecord trace) {
        add(realm.getId(), trace);
    }

    public void add(String realmId, TraceRecord trace) {
        TraceEntity entity = new TraceEntity();
        entity.setId(TimeOrderedIds.next(System.currentTimeMillis()));
        entity.setRealmId(realmId);
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

    /** A person's traces, newest first, including those this node's writer still held when asked. */
    public List<TraceRecord> ofIdentity(RealmModel realm, String identityKey, Instant since, int max) {
        TraceEventListenerFactory.awaitQueuedTraces(session);
        return em.createNamedQuery("passerelleTracesOfIdentity", TraceEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("identityKey", identityKey)
                .setParameter("since", since.toEpochMilli())
                .setMaxResults(max)
                .getResultStream().map(TraceStore::record).toList();
    }

    /** The realm's traces, newest first, including those this node's writer still held when asked. */
    public List<TraceRecord> ofRealm(RealmModel realm, Instant since, int max) {
        TraceEventListenerFactory.awaitQueuedTraces(session);
        return em.createNamedQuery("passerelleTracesOfRealm", TraceEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("since", since.toEpochMilli())
                .setMaxResults(max)
                .getResultStream().map(TraceStore::record).toList();
    }

    /** Deletes the realm's traces older than the cutoff; returns how many. */
    public int purge(RealmModel realm, Instant cutoff) {
        return em.createNamedQuery("passerellePurgeTraces")
                .setParameter("realmId", realm.getId())
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate();
    }

    private static TraceRecord record(TraceEntity e) {
        return new TraceRecord(TraceEvent.fromCode(e.getEvent()).orElseThrow(), Instant.ofEpochMilli(e.getTime()),
                e.getSp(), e.getIdp(), e.getLevel(), e.getScopes(), e.getDp(), e.getSessionId(), e.getIdentityKey(), e.getReason());
    }
}
