package fr.passerelle.onboarding.keycloak;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import fr.passerelle.onboarding.DataScope;
import fr.passerelle.onboarding.ServiceDescription;
import fr.passerelle.onboarding.ServiceKind;
import fr.passerelle.onboarding.Violation;

/** A description file as JSON, read strictly: a misspelt field is an error, not a silently missing setting. */
final class ServiceDescriptions {

    static final Set<String> FIELDS = Set.of("kind", "clientId", "name", "sector", "redirectUris", "postLogoutRedirectUris",
            "allowedIdps", "deniedIdps", "defaultLevel", "minimumLevel", "consent", "scopes", "dataScopes");
    private static final Set<String> DATA_SCOPE_FIELDS = Set.of("name", "description", "consentText");

    private ServiceDescriptions() {
    }

    /** The description, or the violations that keep it from being one. */
    static Parsed parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        if (json == null || !json.isObject()) {
            violations.add(new Violation("description-invalid", "", "a JSON object is expected"));
            return new Parsed(null, violations);
        }
        unknownFields(json, FIELDS, "", violations);
        List<DataScope> dataScopes = new ArrayList<>();
        for (JsonNode scope : json.path("dataScopes")) {
            unknownFields(scope, DATA_SCOPE_FIELDS, "dataScopes.", violations);
            dataScopes.add(new DataScope(text(scope, "name"), text(scope, "description"), text(scope, "consentText")));
        }
        ServiceDescription description = new ServiceDescription(ServiceKind.parse(text(json, "kind")).orElse(null),
                text(json, "clientId"), text(json, "name"), text(json, "sector"),
                strings(json, "redirectUris", violations), strings(json, "postLogoutRedirectUris", violations),
                strings(json, "allowedIdps", violations), strings(json, "deniedIdps", violations),
                text(json, "defaultLevel"), text(json, "minimumLevel"), text(json, "consent"),
                strings(json, "scopes", violations), dataScopes);
        return new Parsed(description, violations);
    }

    record Parsed(ServiceDescription description, List<Violation> violations) {
    }

    private static void unknownFields(JsonNode json, Set<String> known, String prefix, List<Violation> violations) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(new Violation("field-unknown", prefix + name, "unknown field " + prefix + name));
            }
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode json, String field, List<Violation> violations) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            violations.add(new Violation("field-not-a-list", field, field + " must be a JSON array of strings"));
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        value.forEach(element -> strings.add(element.asText()));
        return strings;
    }
}
