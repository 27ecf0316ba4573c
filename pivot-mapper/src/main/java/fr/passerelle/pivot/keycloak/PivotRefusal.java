package fr.passerelle.pivot.keycloak;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.pivot.Violation;

/**
 * The page a person sees when their IdP sent an identity the broker cannot accept: the error code, a
 * unique error id to quote to the help desk, and a plain sentence from the theme. The log line carries
 * the same id and the broken rules, never the values.
 */
final class PivotRefusal {

    static final String TEMPLATE = "passerelle-error.ftl";
    private static final Logger LOG = Logger.getLogger("fr.passerelle.pivot");

    private PivotRefusal() {
    }

    static WebApplicationException refuse(KeycloakSession session, BrokeredIdentityContext context, List<Violation> violations) {
        String errorId = UUID.randomUUID().toString();
        String code = violations.get(0).error().code();
        String idp = context.getIdpConfig().getAlias();
        LOG.warnf("Identity from IdP %s refused, error id %s: %s", idp, errorId,
                violations.stream().map(v -> v.error().code() + "(" + v.field().claim() + ")").collect(Collectors.joining(", ")));
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(context.getAuthenticationSession())
                .setAttribute("passerelleErrorCode", code)
                .setAttribute("passerelleErrorId", errorId)
                .setAttribute("passerelleIdp", context.getIdpConfig().getDisplayName() == null ? idp : context.getIdpConfig().getDisplayName())
                .setStatus(Response.Status.BAD_REQUEST)
                .createForm(TEMPLATE);
        return new WebApplicationException(page);
    }
}
