package fr.passerelle.dashboard.keycloak;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of PASSERELLE_IDP_BLOCK: a person (by identity key) refuses logins through one IdP of a realm. */
@Entity
@Table(name = "PASSERELLE_IDP_BLOCK")
@NamedQueries({
        @NamedQuery(name = "passerelleIdpBlocksOfIdentity",
                query = "select b from IdpBlockEntity b where b.realmId = :realmId and b.identityKey = :identityKey"),
        @NamedQuery(name = "passerelleIdpBlock",
                query = "select b from IdpBlockEntity b where b.realmId = :realmId and b.identityKey = :identityKey and b.idpAlias = :idpAlias")
})
public class IdpBlockEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "IDENTITY_KEY", length = 64, nullable = false)
    private String identityKey;

    @Column(name = "IDP_ALIAS", nullable = false)
    private String idpAlias;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getIdentityKey() { return identityKey; }
    public void setIdentityKey(String identityKey) { this.identityKey = identityKey; }
    public String getIdpAlias() { return idpAlias; }
    public void setIdpAlias(String idpAlias) { this.idpAlias = idpAlias; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
}
