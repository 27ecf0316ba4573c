package fr.passerelle.pivot;

import java.util.List;

/**
 * What an identity provider sent for each pivot field, as read by the Keycloak shell from OIDC
 * claims or SAML attributes. Values come as sent: they may need trimming, may be blank, and some
 * upstreams (eIDAS names) send several values for one field.
 */
public interface UpstreamClaims {

    /** The values sent for this field; an empty list when the IdP sent nothing. */
    List<String> values(PivotField field);
}
