package fr.passerelle.loa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one answer to "may this browser use this IdP for this service, at this level, now". Every path into an
 * IdP and back asks it: the choice page, a hint, the way back from the IdP whatever URL the browser used to get
 * there, and single sign-on reuse. What it does not know, the person's own blocks, is judged where the person is
 * known (after the IdP answered) and by ending the sessions a block concerns.
 *
 * @param entries   every enabled IdP of the realm, hidden ones included (with their hidden flag)
 * @param rules     the service's allow and deny lists
 * @param requested the level this request asks
 */
public record IdpAccess(List<IdpEntry> entries, SpIdpRules rules, EidasLevel requested) {

    /** How the broker sent the browser to an IdP. */
    public enum Route {
        /** Picked on the choice page: hidden IdPs are not on it. */
        PAGE,
        /** Named by the service's hint: hidden IdPs may be reached this way. */
        HINT
    }

    public IdpAccess {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(requested, "requested");
    }

    /** @return empty when the browser may be sent to this IdP by this route, otherwise why not */
    public Optional<OptionState> refusalFor(String alias, Route route) {
        Objects.requireNonNull(route, "route");
        OptionState state = entries.stream()
                .filter(entry -> entry.alias().equals(alias))
                .filter(entry -> route == Route.HINT || !entry.hidden())
                .findFirst()
                .map(this::stateOf)
                .orElse(OptionState.UNKNOWN);
        return state == OptionState.AVAILABLE ? Optional.empty() : Optional.of(state);
    }

    /**
     * Judges an IdP's answer. Keycloak serves {@code /broker/{alias}/login} to any browser holding the login's
     * session, so the answer may come from an IdP the broker never sent this login to: only the IdP the broker
     * dispatched, by the route it used, is accepted, and only if it is still allowed now.
     *
     * @param dispatchedAlias the IdP the broker sent this login to, null when it sent it nowhere
     */
    public Optional<OptionState> refusalOfAnswer(String answeringAlias, String dispatchedAlias, Route dispatchedRoute) {
        boolean dispatched = dispatchedAlias != null && dispatchedRoute != null && dispatchedAlias.equals(answeringAlias);
        // The rules' reason first, when there is one: it tells the person more than how the browser got there.
        Optional<OptionState> refusal = refusalFor(answeringAlias, dispatched ? dispatchedRoute : Route.PAGE);
        if (refusal.isPresent() || dispatched) {
            return refusal;
        }
        return Optional.of(OptionState.NOT_DISPATCHED);
    }

    /**
     * Whether a session opened through {@code sessionIdp} may stand in for a login to this service: the IdP must
     * still exist and the service must accept it. Levels are the single sign-on policy's to judge; maintenance
     * concerns new logins at the IdP, not sessions already opened.
     */
    public boolean permitsSessionFrom(String sessionIdp) {
        return sessionIdp != null && rules.permits(sessionIdp)
                && entries.stream().anyMatch(entry -> entry.alias().equals(sessionIdp));
    }

    /**
     * Judges a session a service keeps using without the person, by the refresh-token grant: the rules as they are
     * now, not as they were at login. The IdP the session was opened with must still exist, the service must still
     * accept it, it must not be in maintenance (a refresh is a new grant, and an IdP is often put in maintenance
     * because its answers cannot be trusted for a while), and the session's level must meet the level asked here
     * (the service's minimum). Hidden IdPs pass: a session opened by hint stays valid.
     *
     * @param sessionLevel null when the session recorded no level
     * @return empty when the session may go on, otherwise why not
     */
    public Optional<OptionState> refusalOfSession(String sessionIdp, EidasLevel sessionLevel) {
        Optional<IdpEntry> entry = entries.stream().filter(e -> e.alias().equals(sessionIdp)).findFirst();
        if (entry.isEmpty()) {
            return Optional.of(OptionState.UNKNOWN);
        }
        if (entry.get().inMaintenance()) {
            return Optional.of(OptionState.MAINTENANCE);
        }
        if (!rules.permits(sessionIdp)) {
            return Optional.of(OptionState.EXCLUDED_FOR_SP);
        }
        if (sessionLevel == null || !sessionLevel.isAtLeast(requested)) {
            return Optional.of(OptionState.SESSION_LEVEL_BELOW_MINIMUM);
        }
        return Optional.empty();
    }

    /** The state of an IdP for this request, as the choice page shows it. */
    OptionState stateOf(IdpEntry entry) {
        // When several reasons apply, the one most useful to the person: maintenance is temporary and its
        // message says when to come back; an exclusion by the SP holds whatever the level.
        if (entry.inMaintenance()) {
            return OptionState.MAINTENANCE;
        }
        if (!rules.permits(entry.alias())) {
            return OptionState.EXCLUDED_FOR_SP;
        }
        if (!entry.policy().canReach(requested)) {
            return OptionState.LEVEL_UNREACHABLE;
        }
        return OptionState.AVAILABLE;
    }
}
