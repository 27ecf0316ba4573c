package fr.passerelle.consent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which data provider serves which data scope. A scope with no provider is an identity scope: its claims
 * come from the person's identity provider.
 */
public final class DataScopes {

    private final Map<String, String> providerByScope;

    /** @param providerByScope data scope name → client id of the DP that serves it */
    public DataScopes(Map<String, String> providerByScope) {
        this.providerByScope = Map.copyOf(providerByScope);
    }

    public boolean isDataScope(String scope) {
        return providerByScope.containsKey(scope);
    }

    /** The requested scopes a given DP serves, in request order, each once: what checktoken may tell that DP. */
    public List<String> servedBy(String dataProvider, Collection<String> requested) {
        List<String> served = new ArrayList<>();
        for (String scope : requested) {
            if (Objects.equals(providerByScope.get(scope), dataProvider) && !served.contains(scope)) {
                served.add(scope);
            }
        }
        return served;
    }

    /** Requested data scopes grouped by the DP serving them, DPs in order of first appearance. */
    public Map<String, List<String>> byProvider(Collection<String> requested) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String scope : requested) {
            String provider = providerByScope.get(scope);
            if (provider != null) {
                List<String> scopes = groups.computeIfAbsent(provider, p -> new ArrayList<>());
                if (!scopes.contains(scope)) {
                    scopes.add(scope);
                }
            }
        }
        return groups;
    }

    public boolean anyDataScope(Collection<String> requested) {
        return requested.stream().anyMatch(this::isDataScope);
    }

    /** Splits an OAuth scope string. */
    public static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return List.of(scope.trim().split("\\s+"));
    }
}
