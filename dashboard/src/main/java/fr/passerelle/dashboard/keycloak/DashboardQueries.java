package fr.passerelle.dashboard.keycloak;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import fr.passerelle.dashboard.Dashboard;
import fr.passerelle.trace.keycloak.TraceEventListenerFactory;

/**
 * What the dashboard reads from the trace table: one person's traces grouped by the database (on the table's
 * realm + identity key + time index), so that the page reads a few rows whatever the volume.
 */
final class DashboardQueries {

    /** A bound on the groups one person's dashboard reads: services x IdPs, DPs x services x data sets. */
    private static final int MAX_GROUPS = 2000;

    private final KeycloakSession session;
    private final EntityManager em;

    DashboardQueries(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** One person's connections since a time, grouped per service and IdP, the most recent group first. */
    List<Dashboard.ConnectionGroup> connectionGroups(RealmModel realm, String identityKey, Instant since) {
        return grouped(realm, identityKey, since, "t.sp, t.idp", Dashboard.connectionEvents()).stream()
                .map(r -> new Dashboard.ConnectionGroup((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        Instant.ofEpochMilli(((Number) r[3]).longValue()), Instant.ofEpochMilli(((Number) r[4]).longValue())))
                .toList();
    }

    /** One person's data exchanges since a time, grouped per DP, service and data, the most recent group first. */
    List<Dashboard.ExchangeGroup> exchangeGroups(RealmModel realm, String identityKey, Instant since) {
        return grouped(realm, identityKey, since, "t.dp, t.sp, t.scopes", Dashboard.exchangeEvents()).stream()
                .map(r -> Dashboard.ExchangeGroup.of((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        Instant.ofEpochMilli(((Number) r[4]).longValue()), Instant.ofEpochMilli(((Number) r[5]).longValue())))
                .toList();
    }

    private List<Object[]> grouped(RealmModel realm, String identityKey, Instant since, String columns, List<String> events) {
        // The person sees a data exchange of a moment ago: the node's trace writer is waited for first.
        TraceEventListenerFactory.awaitQueuedTraces(session);
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
}
