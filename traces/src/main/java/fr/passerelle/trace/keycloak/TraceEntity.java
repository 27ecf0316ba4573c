package fr.passerelle.trace.keycloak;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of PASSERELLE_TRACE; created by the Liquibase changelog META-INF/passerelle-traces-changelog.xml. */
@Entity
@Table(name = "PASSERELLE_TRACE")
@NamedQueries({
        @NamedQuery(name = "passerelleTracesOfIdentity",
                query = "select t from TraceEntity t where t.realmId = :realmId and t.identityKey = :identityKey and t.time >= :since order by t.time desc"),
        @NamedQuery(name = "passerelleTracesOfRealm",
                query = "select t from TraceEntity t where t.realmId = :realmId and t.time >= :since order by t.time desc"),
        @NamedQuery(name = "passerellePurgeTraces",
                query = "delete from TraceEntity t where t.realmId = :realmId and t.time < :cutoff")
})
public class TraceEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EVENT", length = 32, nullable = false)
    private String event;

    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "SP_CLIENT_ID")
    private String sp;

    @Column(name = "IDP_ALIAS")
    private String idp;

    @Column(name = "LEVEL_ACR", length = 64)
    private String level;

    @Column(name = "SCOPES", length = 1024)
    private String scopes;

    @Column(name = "DP_CLIENT_ID")
    private String dp;

    @Column(name = "SESSION_ID")
    private String sessionId;

    @Column(name = "IDENTITY_KEY", length = 64)
    private String identityKey;

    @Column(name = "REASON", length = 64)
    private String reason;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public long getTime() { return time; }
    public void setTime(long time) { this.time = time; }
    public String getSp() { return sp; }
    public void setSp(String sp) { this.sp = sp; }
    public String getIdp() { return idp; }
    public void setIdp(String idp) { this.idp = idp; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }
    public String getDp() { return dp; }
    public void setDp(String dp) { this.dp = dp; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getIdentityKey() { return identityKey; }
    public void setIdentityKey(String identityKey) { this.identityKey = identityKey; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
