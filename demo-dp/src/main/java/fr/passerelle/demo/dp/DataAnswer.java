package fr.passerelle.demo.dp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data provider's answer to an SP asking for a person's data, decided from what {@code checktoken}
 * said: 401 for a token the broker does not vouch for, 403 when none of the granted scopes is one of
 * ours, 404 when nobody or several people match the pivot identity, else 200 with the fields of the
 * granted scopes only.
 *
 * @param status the HTTP status
 * @param body   the JSON body: the fields and scopes, or {@code error} and {@code error_description}
 */
public record DataAnswer(int status, Map<String, Object> body) {

    public static final String NO_SUCH_PERSON = "no_such_person";
    public static final String SEVERAL_PEOPLE_MATCH = "several_people_match";

    public static DataAnswer decide(TokenIntrospection token, Registry registry) {
        if (!token.active()) {
            return error(401, "invalid_token", "The broker does not vouch for this access token (invalid, expired or revoked).");
        }
        Set<DataScope> granted = EnumSet.noneOf(DataScope.class);
        token.scopes().forEach(scope -> DataScope.named(scope).ifPresent(granted::add));
        if (granted.isEmpty()) {
            return error(403, "insufficient_scope", "None of the scopes granted to this token is served by this data provider.");
        }
        List<Person> matches = token.identity().map(registry::find).orElse(List.of());
        if (matches.isEmpty()) {
            return error(404, NO_SUCH_PERSON, "This data provider holds no data about this person.");
        }
        if (matches.size() > 1) {
            return error(404, SEVERAL_PEOPLE_MATCH, "Several people match this identity; this data provider cannot tell which one it is.");
        }
        return new DataAnswer(200, release(matches.get(0), granted));
    }

    /** Only the fields of the granted scopes, whatever else the person's record holds. */
    static Map<String, Object> release(Person person, Set<DataScope> granted) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> scopes = new ArrayList<>();
        for (DataScope scope : granted) {
            scopes.add(scope.scope());
            for (String field : scope.fields()) {
                if (person.fields().containsKey(field)) {
                    data.put(field, person.fields().get(field));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scopes);
        body.put("data", data);
        return body;
    }

    private static DataAnswer error(int status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return new DataAnswer(status, body);
    }
}
