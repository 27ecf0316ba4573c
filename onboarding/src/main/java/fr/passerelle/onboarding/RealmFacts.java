package fr.passerelle.onboarding;

import java.util.Set;

/** What the rules need to know of the realm: its IdP aliases, client scope names and client ids. */
public record RealmFacts(Set<String> idps, Set<String> clientScopes, Set<String> clientIds) {

    public RealmFacts {
        idps = Set.copyOf(idps);
        clientScopes = Set.copyOf(clientScopes);
        clientIds = Set.copyOf(clientIds);
    }
}
