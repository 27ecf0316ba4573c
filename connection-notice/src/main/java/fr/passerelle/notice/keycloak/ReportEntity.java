package fr.passerelle.notice.keycloak;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of PASSERELLE_REPORT: a person said "it wasn't me" about one connection. */
@Entity
@Table(name = "PASSERELLE_REPORT")
@NamedQueries({
        @NamedQuery(name = "passerelleReportsOfRealm",
                query = "select r from ReportEntity r where r.realmId = :realmId order by r.createdAt desc"),
        @NamedQuery(name = "passerelleReportOfNotice",
                query = "select r from ReportEntity r where r.noticeId = :noticeId")
})
public class ReportEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "NOTICE_ID", length = 36, nullable = false)
    private String noticeId;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "CLIENT_ID")
    private String clientId;
    @Column(name = "IDP_ALIAS")
    private String idp;
    @Column(name = "LEVEL_ACR", length = 64)
    private String level;
    @Column(name = "LOGIN_TIME", nullable = false)
    private long loginTime;
    @Column(name = "SESSION_ID")
    private String sessionId;
    @Column(name = "IDENTITY_KEY", length = 64)
    private String identityKey;
    /** The connection's traces at the time of the report, one per line (event, time, SP, IdP, level, DP). */
    @Column(name = "TRACES", length = 8000)
    private String traces;
    @Column(name = "SUPPORT_MAILED", nullable = false)
    private boolean supportMailed;
    @Column(name = "IDP_BLOCKED", nullable = false)
    private boolean idpBlocked;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getNoticeId() { return noticeId; }
    public void setNoticeId(String noticeId) { this.noticeId = noticeId; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getIdp() { return idp; }
    public void setIdp(String idp) { this.idp = idp; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public long getLoginTime() { return loginTime; }
    public void setLoginTime(long loginTime) { this.loginTime = loginTime; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getIdentityKey() { return identityKey; }
    public void setIdentityKey(String identityKey) { this.identityKey = identityKey; }
    public String getTraces() { return traces; }
    public void setTraces(String traces) { this.traces = traces; }
    public boolean isSupportMailed() { return supportMailed; }
    public void setSupportMailed(boolean supportMailed) { this.supportMailed = supportMailed; }
    public boolean isIdpBlocked() { return idpBlocked; }
    public void setIdpBlocked(boolean idpBlocked) { this.idpBlocked = idpBlocked; }
}
