package fr.passerelle.pivot.keycloak;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.passerelle.names.EventDetails;
import fr.passerelle.names.TraceEvent;

/** Takes an IdP link off an account and says so in an event the traces record as {@code idp_relinked}. */
final class IdpRelink {

    private IdpRelink() {
    }

    static void unlink(KeycloakSession session, RealmModel realm, ClientModel client, UserModel account, String idpAlias, String reason) {
        session.users().removeFederatedIdentity(realm, account, idpAlias);
        PivotLog.LOG.infof("IdP %s link taken off an account in realm %s: %s", idpAlias, realm.getName(), reason);
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.REMOVE_FEDERATED_IDENTITY)
                .client(client)
                .user(account)
                .detail(Details.IDENTITY_PROVIDER, idpAlias)
                .detail(EventDetails.EVENT, TraceEvent.IDP_RELINKED.code())
                .detail(EventDetails.REASON, reason)
                .success();
    }
}
