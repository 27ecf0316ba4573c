package fr.passerelle.notice.keycloak;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A row of PASSERELLE_NOTICE: one connection's notice, from the login that queues it (status {@code pending})
 * to its delivery ({@code sent}, the address then erased, only its digest kept for the report form).
 * Created by META-INF/passerelle-notice-changelog.xml.
 */
@Entity
@Table(name = "PASSERELLE_NOTICE")
@NamedQueries({
        @NamedQuery(name = "passerelleNoticeOfSessionClient",
                query = "select n.id from NoticeEntity n where n.realmId = :realmId and n.sessionId = :sessionId and n.clientId = :clientId"),
        @NamedQuery(name = "passerelleNoticesDue",
                query = "select n.id from NoticeEntity n where n.status = 'pending' and n.nextAttempt <= :now"
                        + " and (n.claimedUntil is null or n.claimedUntil < :now) order by n.nextAttempt"),
        @NamedQuery(name = "passerelleNoticeClaim",
                query = "update NoticeEntity n set n.claimedBy = :node, n.claimedUntil = :until where n.id in :ids"
                        + " and n.status = 'pending' and (n.claimedUntil is null or n.claimedUntil < :now)"),
        @NamedQuery(name = "passerelleNoticesClaimed",
                query = "select n.id from NoticeEntity n where n.id in :ids and n.claimedBy = :node and n.claimedUntil = :until"),
        @NamedQuery(name = "passerelleNoticeByCode",
                query = "select n from NoticeEntity n where n.realmId = :realmId and n.code = :code"),
        @NamedQuery(name = "passerelleNoticesOfRealm",
                query = "select n from NoticeEntity n where n.realmId = :realmId order by n.loginTime desc")
})
public class NoticeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "CLIENT_ID", nullable = false)
    private String clientId;
    @Column(name = "SESSION_ID", nullable = false)
    private String sessionId;
    @Column(name = "IDENTITY_KEY", length = 64)
    private String identityKey;
    @Column(name = "IDP_ALIAS")
    private String idp;
    @Column(name = "LEVEL_ACR", length = 64)
    private String level;
    @Column(name = "LOGIN_TIME", nullable = false)
    private long loginTime;
    @Column(name = "CODE", length = 8)
    private String code;
    /** Kept only until the e-mail is sent. */
    @Column(name = "RECIPIENT")
    private String recipient;
    @Column(name = "EMAIL_DIGEST", length = 64)
    private String emailDigest;
    @Column(name = "LOCALE", length = 16)
    private String locale;
    /** The broker's public base URL at login, for the links in the e-mail (the sender runs outside any request). */
    @Column(name = "BASE_URL", length = 512)
    private String baseUrl;
    @Column(name = "SUSPICIOUS", nullable = false)
    private boolean suspicious;
    @Column(name = "KNOWN_DEVICE", nullable = false)
    private boolean knownDevice;
    /** pending, sent, failed, no-address. */
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "NEXT_ATTEMPT", nullable = false)
    private long nextAttempt;
    @Column(name = "CLAIMED_BY", length = 64)
    private String claimedBy;
    @Column(name = "CLAIMED_UNTIL")
    private Long claimedUntil;
    @Column(name = "SENT_AT")
    private Long sentAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getIdentityKey() { return identityKey; }
    public void setIdentityKey(String identityKey) { this.identityKey = identityKey; }
    public String getIdp() { return idp; }
    public void setIdp(String idp) { this.idp = idp; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public long getLoginTime() { return loginTime; }
    public void setLoginTime(long loginTime) { this.loginTime = loginTime; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getEmailDigest() { return emailDigest; }
    public void setEmailDigest(String emailDigest) { this.emailDigest = emailDigest; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public boolean isSuspicious() { return suspicious; }
    public void setSuspicious(boolean suspicious) { this.suspicious = suspicious; }
    public boolean isKnownDevice() { return knownDevice; }
    public void setKnownDevice(boolean knownDevice) { this.knownDevice = knownDevice; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public long getNextAttempt() { return nextAttempt; }
    public void setNextAttempt(long nextAttempt) { this.nextAttempt = nextAttempt; }
    public String getClaimedBy() { return claimedBy; }
    public void setClaimedBy(String claimedBy) { this.claimedBy = claimedBy; }
    public Long getClaimedUntil() { return claimedUntil; }
    public void setClaimedUntil(Long claimedUntil) { this.claimedUntil = claimedUntil; }
    public Long getSentAt() { return sentAt; }
    public void setSentAt(Long sentAt) { this.sentAt = sentAt; }
}
