package fr.passerelle.demo.dp;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the broker's {@code checktoken} said about an SP's access token.
 *
 * @param active   whether the token is valid, unexpired and unrevoked
 * @param client   the SP the token was issued to ({@code aud})
 * @param scopes   the data scopes granted to that SP that this data provider serves
 * @param identity the person's pivot identity, when active
 */
public record TokenIntrospection(boolean active, String client, Set<String> scopes, Optional<PivotIdentity> identity) {

    public static final TokenIntrospection INACTIVE = new TokenIntrospection(false, "", Set.of(), Optional.empty());

    public TokenIntrospection {
        scopes = Set.copyOf(scopes);
    }

    /** Reads the introspection object (RFC 7662 members plus Passerelle's {@code identity}). */
    public static TokenIntrospection fromClaims(Map<String, ?> claims) {
        if (!Boolean.TRUE.equals(claims.get("active"))) {
            return INACTIVE;
        }
        Object identity = claims.get("identity");
        return new TokenIntrospection(true, audience(claims.get("aud")), scopes(claims.get("scope")),
                identity instanceof Map<?, ?> map ? Optional.of(PivotIdentity.fromClaims(stringKeys(map))) : Optional.empty());
    }

    /** Passerelle sends {@code scope} as a list; RFC 7662 as one space-separated string. Both read the same. */
    private static Set<String> scopes(Object scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope instanceof Collection<?> list) {
            list.forEach(s -> scopes.add(s.toString()));
        } else if (scope instanceof String text && !text.isBlank()) {
            scopes.addAll(Set.of(text.strip().split("\\s+")));
        }
        return scopes;
    }

    private static String audience(Object aud) {
        if (aud instanceof Collection<?> list) {
            return list.isEmpty() ? "" : list.iterator().next().toString();
        }
        return aud == null ? "" : aud.toString();
    }

    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
