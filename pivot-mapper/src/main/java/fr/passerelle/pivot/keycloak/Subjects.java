package fr.passerelle.pivot.keycloak;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import fr.passerelle.names.ClientAttributes;
import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.PairwiseSub;
import fr.passerelle.pivot.SubjectKey;
import fr.passerelle.pivot.VersionedSecret;

/** The {@code sub} a client (SP or DP) knows a person by: pairwise for the client's sector. */
public final class Subjects {

    private Subjects() {
    }

    /** The client's sector: its {@code passerelle.sector} attribute, or else its client id. */
    public static String sector(ClientModel client) {
        String sector = client.getAttribute(ClientAttributes.SECTOR);
        return sector == null || sector.isBlank() ? client.getClientId() : sector.trim();
    }

    /**
     * The person's sub for this client, or null when the account carries no key (not a brokered person). An account
     * from before keyed identity keys that has not signed in since has neither subject key nor version: its identity
     * key was then its subject key, under v1, so its {@code sub} is the one it always had.
     *
     * @throws IllegalStateException when the secret of the account's version is no longer held: no {@code sub} rather
     *                               than a wrong one
     */
    public static String pairwise(KeycloakSession session, ClientModel client, UserModel user) {
        String key = user.getFirstAttribute(UserAttributes.SUBJECT_KEY);
        if (key == null) {
            key = user.getFirstAttribute(UserAttributes.IDENTITY_KEY);
        }
        if (key == null) {
            return null;
        }
        String version = user.getFirstAttribute(UserAttributes.SUB_VERSION);
        if (version == null) {
            version = PairwiseSub.FIRST_VERSION;
        }
        String wanted = version;
        VersionedSecret secret = PlatformSecret.SUB.secret(session, wanted)
                .orElseThrow(() -> new IllegalStateException("The sub secret " + wanted + " is no longer held; a person of that version"
                        + " cannot be given their sub (docs/operations.md, rotating secrets)"));
        return PairwiseSub.compute(secret, sector(client), new SubjectKey(key));
    }
}
