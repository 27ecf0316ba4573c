package fr.passerelle.loa.keycloak;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code acr} member of an OpenID Connect {@code claims} request parameter, for the ID token.
 *
 * @param essential the values of an essential {@code acr} request, empty when not essential
 * @param voluntary the values of a voluntary {@code acr} request
 */
public record ClaimsAcr(List<String> essential, List<String> voluntary) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final ClaimsAcr NONE = new ClaimsAcr(List.of(), List.of());

    /** Reads the parameter as sent; a parameter that is absent or not JSON asks nothing. */
    public static ClaimsAcr parse(String claimsParameter) {
        if (claimsParameter == null || claimsParameter.isBlank()) {
            return NONE;
        }
        JsonNode acr;
        try {
            acr = JSON.readTree(claimsParameter).path("id_token").path("acr");
        } catch (Exception e) {
            return NONE;
        }
        if (!acr.isObject()) {
            return NONE;
        }
        List<String> values = new ArrayList<>();
        if (acr.path("value").isTextual()) {
            values.add(acr.get("value").asText());
        }
        acr.path("values").forEach(value -> {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        });
        return acr.path("essential").asBoolean(false)
                ? new ClaimsAcr(List.copyOf(values), List.of())
                : new ClaimsAcr(List.of(), List.copyOf(values));
    }
}
