package fr.passerelle.notice.keycloak;

import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.notice.ConnectionContext;
import fr.passerelle.support.keycloak.FlowStep;
import fr.passerelle.support.keycloak.FlowStepFactory;

/**
 * Authenticator {@value #PROVIDER_ID}, placed before the IdP choice in the broker's browser flow. In a context the
 * operator's edge marks as suspicious (a request header), it asks for a fresh authentication ({@code prompt=login}:
 * the existing session is not reused) at no less than the realm's suspicious-context level (so that the choice page
 * leaves the weaker IdPs off), and flags the login so that its notice is sent whatever the device. Otherwise it
 * lets the flow go on untouched.
 */
public class SuspiciousContextAuthenticator extends FlowStepFactory implements FlowStep {

    public static final String PROVIDER_ID = "passerelle-suspicious-context";
    static final String SUSPICIOUS_NOTE = "passerelle.suspicious-context";

    public SuspiciousContextAuthenticator() {
        super(PROVIDER_ID, "Passerelle suspicious context", "passerelle",
                "In a context the operator's edge marks as suspicious (realm attribute passerelle.suspicious-context-header),"
                + " refuses single sign-on, asks for at least passerelle.suspicious-context-min-level and forces the connection notice.");
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        if (headerSaysSuspicious(context.getSession(), realm)) {
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            authSession.setAuthNote(SUSPICIOUS_NOTE, "true");
            authSession.setClientNote(OIDCLoginProtocol.PROMPT_PARAM, OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
            raiseRequestedLevel(realm, authSession);
            context.getEvent().clone().detail("passerelle_suspicious_context", "header").success();
            ConnectionNoticeListener.LOG.debugf("suspicious context for client %s", authSession.getClient().getClientId());
        }
        context.success();
    }

    /** The request now asks for at least the realm's minimum level in a suspicious context. */
    private static void raiseRequestedLevel(RealmModel realm, AuthenticationSessionModel authSession) {
        int min = RealmSettings.suspiciousMinLevel(realm);
        Map<String, Integer> map = AcrUtils.getAcrLoaMap(realm);
        String requested = authSession.getClientNote(OIDCLoginProtocol.ACR_PARAM);
        int requestedLevel = -1;
        if (requested != null) {
            for (String acr : requested.trim().split("\\s+")) {
                Integer level = map.get(acr);
                requestedLevel = level == null ? requestedLevel : Math.max(requestedLevel, level);
            }
        }
        if (requestedLevel >= min) {
            return;
        }
        map.entrySet().stream().filter(e -> e.getValue() == min).map(Map.Entry::getKey).findFirst()
                .ifPresent(acr -> authSession.setClientNote(OIDCLoginProtocol.ACR_PARAM, acr));
    }

    static boolean headerSaysSuspicious(KeycloakSession session, RealmModel realm) {
        if (session.getContext().getRequestHeaders() == null) {
            return false;
        }
        return ConnectionContext.headerSaysSuspicious(session.getContext().getRequestHeaders().getHeaderString(RealmSettings.suspiciousHeader(realm)));
    }

    @Override
    protected Authenticator authenticator(KeycloakSession session) {
        return this;
    }

    @Override
    public void close() {
    }
}
