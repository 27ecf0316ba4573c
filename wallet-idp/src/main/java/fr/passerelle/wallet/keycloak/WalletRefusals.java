package fr.passerelle.wallet.keycloak;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.wallet.WalletRefusal;

/**
 * How a refused wallet login shows: the suite's error page with the stable code and a unique error
 * id, a login-error event carrying the code, and one log line with the same id and which check failed,
 * never a claim value.
 */
final class WalletRefusals {

    static final String TEMPLATE = "passerelle-error.ftl";
    static final String EVENT_DETAIL_REFUSAL = "passerelle_refusal";

    private WalletRefusals() {
    }

    static Response page(KeycloakSession session, AuthenticationSessionModel authSession, IdentityProviderModel idp,
            WalletRefusal refusal, String detail) {
        String errorId = record(session, authSession, idp, refusal, detail);
        if (authSession != null) {
            // The page then offers the way back to the service of this login (the forms read the client from the context).
            session.getContext().setClient(authSession.getClient());
        }
        LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class);
        if (authSession != null) {
            forms.setAuthenticationSession(authSession);
        }
        return forms.setAttribute("passerelleErrorCode", refusal.code())
                .setAttribute("passerelleErrorId", errorId)
                .setAttribute("passerelleIdp", idp.getDisplayName() == null ? idp.getAlias() : idp.getDisplayName())
                .setStatus(Response.Status.BAD_REQUEST)
                .createForm(TEMPLATE);
    }

    /** The event and the log line; returns the error id they share. */
    static String record(KeycloakSession session, AuthenticationSessionModel authSession, IdentityProviderModel idp,
            WalletRefusal refusal, String detail) {
        String errorId = UUID.randomUUID().toString();
        WalletSettings.LOG.warnf("Wallet login through identity provider %s refused, error id %s: %s", idp.getAlias(), errorId, detail);
        EventBuilder event = new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                .event(EventType.IDENTITY_PROVIDER_LOGIN_ERROR)
                .detail(Details.IDENTITY_PROVIDER, idp.getAlias())
                .detail(EVENT_DETAIL_REFUSAL, refusal.code());
        if (authSession != null) {
            event.client(authSession.getClient());
        }
        event.error(refusal.code());
        return errorId;
    }
}
