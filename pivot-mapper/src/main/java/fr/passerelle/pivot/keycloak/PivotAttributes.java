package fr.passerelle.pivot.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.IdentityKey;
import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentity;
import fr.passerelle.pivot.SubjectKey;

/**
 * How a pivot identity is kept on a Keycloak account (or on a transient one): one attribute per claim,
 * named like the claim, plus the identity key (and its version) and the subject key. The realm's client scopes read
 * the claims' attributes.
 */
public final class PivotAttributes {

    /** Every attribute this suite writes; a refresh clears those the IdP no longer sends. */
    static final List<String> ALL = List.of(
            PivotField.GIVEN_NAME.claim(), PivotIdentity.GIVEN_NAME_ARRAY_CLAIM, PivotField.FAMILY_NAME.claim(),
            PivotField.PREFERRED_USERNAME.claim(), PivotField.BIRTHDATE.claim(), PivotIdentity.IDP_BIRTHDATE_CLAIM,
            PivotField.GENDER.claim(), PivotField.BIRTHPLACE.claim(), PivotField.BIRTHCOUNTRY.claim(),
            PivotField.PERSON_IDENTIFIER.claim(), UserAttributes.IDENTITY_KEY, UserAttributes.IDENTITY_KEY_VERSION,
            UserAttributes.SUBJECT_KEY);

    private PivotAttributes() {
    }

    /**
     * The attributes of an identity: every value as a mutable {@link ArrayList}, because Keycloak serialises
     * the brokered context with each value's concrete class and cannot read immutable lists back.
     */
    public static Map<String, List<String>> of(PivotIdentity identity, IdentityKey key, String keyVersion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        identity.claims().forEach((claim, value) -> {
            if (!claim.equals(PivotField.EMAIL.claim())) {
                attributes.put(claim, value instanceof List<?> list ? strings(list) : new ArrayList<>(List.of(String.valueOf(value))));
            }
        });
        attributes.put(UserAttributes.IDENTITY_KEY, new ArrayList<>(List.of(key.hex())));
        attributes.put(UserAttributes.IDENTITY_KEY_VERSION, new ArrayList<>(List.of(keyVersion)));
        attributes.put(UserAttributes.SUBJECT_KEY, new ArrayList<>(List.of(SubjectKey.of(identity).hex())));
        return attributes;
    }

    private static List<String> strings(List<?> values) {
        List<String> strings = new ArrayList<>(values.size());
        values.forEach(v -> strings.add(String.valueOf(v)));
        return strings;
    }
}
