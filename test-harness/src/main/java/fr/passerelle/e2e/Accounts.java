package fr.passerelle.e2e;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import fr.passerelle.names.UserAttributes;
import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentityValidator;

/** Broker accounts of the demo people, found by the identity key the broker computes from what their IdP sends. */
final class Accounts {

    private Accounts() {
    }

    static String identityKeyOf(DemoPeople person) {
        Map<PivotField, String> sent = new EnumMap<>(PivotField.class);
        switch (person) {
            case MARIE_IMPOTS, MARIE_IDENTITE_NUMERIQUE -> {
                sent.put(PivotField.GIVEN_NAME, "Marie Éloïse");
                sent.put(PivotField.FAMILY_NAME, "DUPONT");
                sent.put(PivotField.BIRTHDATE, "1985-03-14");
                sent.put(PivotField.GENDER, "female");
                sent.put(PivotField.BIRTHPLACE, "75056");
                sent.put(PivotField.BIRTHCOUNTRY, "99100");
            }
            case JEAN_BAPTISTE -> {
                sent.put(PivotField.GIVEN_NAME, "Jean-Baptiste Louis");
                sent.put(PivotField.FAMILY_NAME, "D'ARTAGNAN");
                sent.put(PivotField.BIRTHDATE, "1969-12-01");
                sent.put(PivotField.GENDER, "male");
                sent.put(PivotField.BIRTHPLACE, "2A004");
                sent.put(PivotField.BIRTHCOUNTRY, "99100");
            }
            case LUCAS -> {
                sent.put(PivotField.GIVEN_NAME, "Lucas");
                sent.put(PivotField.FAMILY_NAME, "MARTIN");
                sent.put(PivotField.BIRTHDATE, "2001-11-30");
                sent.put(PivotField.GENDER, "male");
                sent.put(PivotField.BIRTHPLACE, "69123");
                sent.put(PivotField.BIRTHCOUNTRY, "99100");
            }
            default -> throw new IllegalArgumentException("No pivot data written down for " + person);
        }
        PivotIdentityValidator.Result result = PivotIdentityValidator.validate(
                field -> sent.containsKey(field) ? List.of(sent.get(field)) : List.of(), PivotIdentityValidator.Profile.FRENCH);
        return PlatformSecrets.identityKey(((PivotIdentityValidator.Valid) result).identity());
    }

    static void deleteAccountWithKey(AdminApi admin, String key) {
        JsonNode account = admin.findUserByAttribute("passerelle", UserAttributes.IDENTITY_KEY, key);
        if (account != null) {
            admin.delete("/admin/realms/passerelle/users/" + account.get("id").asText());
        }
    }
}
