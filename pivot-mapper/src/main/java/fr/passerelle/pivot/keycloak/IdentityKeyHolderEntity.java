package fr.passerelle.pivot.keycloak;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of PASSERELLE_IDENTITY_KEY: which account holds an identity key in a realm. The primary key is the realm and
 * the key, so the database itself refuses a second holder; first logins of one person lock the row, one at a time.
 */
@Entity
@Table(name = "PASSERELLE_IDENTITY_KEY")
public class IdentityKeyHolderEntity {

    @Id
    @Column(name = "ID", length = 128)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "IDENTITY_KEY", length = 80, nullable = false)
    private String identityKey;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    static String idOf(String realmId, String identityKey) {
        return realmId + "/" + identityKey;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getIdentityKey() { return identityKey; }
    public void setIdentityKey(String identityKey) { this.identityKey = identityKey; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
}
