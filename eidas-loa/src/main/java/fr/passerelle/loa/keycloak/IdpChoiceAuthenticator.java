package fr.passerelle.loa.keycloak;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.passerelle.loa.IdpAccess;
import fr.passerelle.loa.OptionState;
import fr.passerelle.loa.RequestedLevel;
import fr.passerelle.support.keycloak.FlowStep;

/**
 * The browser flow's only step, in the order a login goes: a refusal to show, a hint to follow, a session to
 * reuse, else the IdP choice page. Each decision is {@link IdpAccess}'s; the collaborators only read the request
 * ({@link IdpHint}), reuse a session ({@link SsoReuse}), draw the page ({@link ChoicePage}), send the browser to
 * the IdP ({@link IdpRedirect}) or answer the SP ({@link SpErrorResponse}). The page's way back to the service is
 * {@link BackToService}, as on every other broker page.
 */
public class IdpChoiceAuthenticator implements FlowStep {

    /** The form or query parameter naming the IdP picked on the page. */
    public static final String CHOICE_PARAM = IdpHint.CHOICE_PARAM;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RequestedLevel requested = LevelSettings.requestedLevel(authSession);
        IdpAccess access = IdpGate.access(context.getSession(), authSession);

        String refusal = authSession.getAuthNote(PasserelleKeys.REFUSAL_NOTE);
        if (refusal != null) {
            authSession.removeAuthNote(PasserelleKeys.REFUSAL_NOTE);
            String[] codeAndAlias = refusal.split(" ", 2);
            ChoicePage.show(context, access, "passerelleRefusal_" + codeAndAlias[0],
                    ChoicePage.displayNameOf(context.getSession(), codeAndAlias.length > 1 ? codeAndAlias[1] : ""));
            return;
        }

        Optional<String> hint = IdpHint.of(context);
        if (hint.isPresent()) {
            Optional<OptionState> hintRefusal = access.refusalFor(hint.get(), IdpAccess.Route.HINT);
            if (hintRefusal.isPresent()) {
                LevelSettings.LOG.infof("Client %s sent an IdP hint it may not use: %s", authSession.getClient().getClientId(),
                        hintRefusal.get().code());
                context.getEvent().clone().detail(Details.REASON, SpErrorResponse.INVALID_IDP_HINT).error(Errors.INVALID_REQUEST);
                context.forceChallenge(SpErrorResponse.invalidIdpHint(context));
                return;
            }
        }
        if (SsoReuse.tryReuse(context, requested, access)) {
            return;
        }
        if (hint.isPresent()) {
            IdpRedirect.send(context, hint.get(), requested, IdpAccess.Route.HINT);
            return;
        }
        ChoicePage.show(context, access, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        IdpAccess access = IdpGate.access(context.getSession(), authSession);
        String chosen = IdpHint.chosenAlias(context);
        // The page only offers what may be picked, but the request may not come from the page.
        Optional<OptionState> refusal = access.refusalFor(chosen, IdpAccess.Route.PAGE);
        if (refusal.isPresent()) {
            LevelSettings.LOG.infof("Refused a choice of IdP that was not selectable: %s", refusal.get().code());
            context.getEvent().clone().detail(Details.REASON, "idp-not-selectable").error(Errors.INVALID_REQUEST);
            ChoicePage.show(context, access, "passerelleIdpNotSelectable");
            return;
        }
        IdpRedirect.send(context, chosen, LevelSettings.requestedLevel(authSession), IdpAccess.Route.PAGE);
    }
}
