package fr.passerelle.pivot.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.IdentityKey;
import fr.passerelle.pivot.PairwiseSub;

/** The {@code sub} a client (SP or DP) knows a person by: pairwise for the client's sector. */
public final class Subjects {

    private Subjects() {
    }

    /** The client's sector: its {@code passerelle.sector} attribute, or else its client id. */
    public static String sector(ClientModel client) {
        String sector = client.getAttribute(ClientAttributes.SECTOR);
        return sector == null || sector.isBlank() ? client.getClientId() : sector.trim();
    }

    /** The person's sub for this client, or null when the account carries no identity key (not a brokered person). */
    public static String pairwise(KeycloakSession session, ClientModel client, UserModel user) {
        String key = user.getFirstAttribute(UserAttributes.IDENTITY_KEY);
        return key == null ? null : PairwiseSub.compute(PlatformSecret.get(session), sector(client), new IdentityKey(key));
    }
}
