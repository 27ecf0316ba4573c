package fr.passerelle.demo.dp;

import java.util.Map;

/**
 * The pivot identity of the person behind an access token, as the broker's {@code checktoken} hands it
 * to a data provider (claim names of docs/reference.md, section 2). Values are kept as the broker sent them; matching
 * folds them (see {@link MatchKey}).
 */
public record PivotIdentity(String givenName, String familyName, String birthdate, String gender,
                            String birthplace, String birthcountry) {

    /** Reads the {@code identity} object of a checktoken answer; a missing claim reads as empty. */
    public static PivotIdentity fromClaims(Map<String, ?> identity) {
        return new PivotIdentity(
                text(identity, "given_name"),
                text(identity, "family_name"),
                text(identity, "birthdate"),
                text(identity, "gender"),
                text(identity, "birthplace"),
                text(identity, "birthcountry"));
    }

    private static String text(Map<String, ?> claims, String name) {
        Object value = claims.get(name);
        return value == null ? "" : value.toString();
    }
}
