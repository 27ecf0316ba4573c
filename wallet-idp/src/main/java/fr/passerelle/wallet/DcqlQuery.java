package fr.passerelle.wallet;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The DCQL query (OpenID4VP 1.0 §6) asking for one PID in SD-JWT VC format, with only the claims a
 * pivot identity is built from. Claim sets go from the richest to the leanest answer the verifier
 * can still use, so that a wallet missing an optional claim answers rather than fails.
 *
 * @param credentialId the query's credential id, the key of the answer in {@code vp_token}
 * @param vctValues    the credential types asked for
 * @param claims       each claim's id and path
 * @param claimSets    the acceptable combinations of claim ids, preferred first
 */
public record DcqlQuery(String credentialId, List<String> vctValues, List<Claim> claims, List<List<String>> claimSets) {

    public static final String FORMAT = "dc+sd-jwt";
    public static final String PID_VCT = "urn:eudi:pid:1";

    /** @param path the path into the credential's claims, each element a member name */
    public record Claim(String id, List<String> path) {
        public Claim {
            path = List.copyOf(path);
        }
    }

    public DcqlQuery {
        vctValues = List.copyOf(vctValues);
        claims = List.copyOf(claims);
        claimSets = claimSets.stream().map(List::copyOf).toList();
    }

    /**
     * The PID query: names, birthdate and issuing country always; the personal administrative number
     * (the key of a wallet identity); sex and place of birth when the PID has them.
     */
    public static DcqlQuery pid(List<String> vctValues) {
        List<Claim> claims = List.of(
                new Claim("family_name", List.of("family_name")),
                new Claim("given_name", List.of("given_name")),
                new Claim("birthdate", List.of("birthdate")),
                new Claim("issuing_country", List.of("issuing_country")),
                new Claim("personal_administrative_number", List.of("personal_administrative_number")),
                new Claim("sex", List.of("sex")),
                new Claim("place_of_birth", List.of("place_of_birth", "locality")));
        List<String> required = List.of("family_name", "given_name", "birthdate", "issuing_country");
        List<String> keyed = concat(required, List.of("personal_administrative_number"));
        return new DcqlQuery("pid", vctValues, claims, List.of(
                concat(keyed, List.of("sex", "place_of_birth")),
                concat(keyed, List.of("place_of_birth")),
                concat(keyed, List.of("sex")),
                keyed,
                required));
    }

    public ObjectNode toJson() {
        ObjectNode credential = Json.object();
        credential.put("id", credentialId);
        credential.put("format", FORMAT);
        ArrayNode vcts = credential.putObject("meta").putArray("vct_values");
        vctValues.forEach(vcts::add);
        ArrayNode claimsJson = credential.putArray("claims");
        for (Claim claim : claims) {
            ObjectNode entry = claimsJson.addObject();
            entry.put("id", claim.id());
            ArrayNode path = entry.putArray("path");
            claim.path().forEach(path::add);
        }
        ArrayNode sets = credential.putArray("claim_sets");
        for (List<String> set : claimSets) {
            ArrayNode ids = sets.addArray();
            set.forEach(ids::add);
        }
        ObjectNode query = Json.object();
        query.putArray("credentials").add(credential);
        return query;
    }

    /** The first claim set whose every claim the disclosed claims hold, if any. */
    public Optional<List<String>> satisfiedSet(JsonNode disclosed) {
        return claimSets.stream().filter(set -> set.stream().allMatch(id -> present(disclosed, claim(id)))).findFirst();
    }

    private Claim claim(String id) {
        return claims.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("claim set names an unknown claim"));
    }

    private static boolean present(JsonNode disclosed, Claim claim) {
        JsonNode node = disclosed;
        for (String member : claim.path()) {
            node = node.get(member);
            if (node == null || node.isNull()) {
                return false;
            }
        }
        return !(node.isTextual() && node.asText().isBlank());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
