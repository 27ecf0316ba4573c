package fr.passerelle.pivot.keycloak;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.PivotIdentityValidator.Profile;

/**
 * The upstream claim (OIDC) or attribute (SAML) names an IdP uses for each pivot field: a preset, and
 * any field overridden one by one in the mapper's configuration.
 */
enum UpstreamNames {
    /** OpenID Connect standard claims, plus the French pivot extensions birthplace and birthcountry. */
    OIDC(Profile.FRENCH, Map.of(
            PivotField.GIVEN_NAME, "given_name",
            PivotField.FAMILY_NAME, "family_name",
            PivotField.PREFERRED_USERNAME, "preferred_username",
            PivotField.BIRTHDATE, "birthdate",
            PivotField.GENDER, "gender",
            PivotField.BIRTHPLACE, "birthplace",
            PivotField.BIRTHCOUNTRY, "birthcountry",
            PivotField.EMAIL, "email")),
    /** The eIDAS SAML attribute profile, natural-person minimum data set (and place of birth). */
    EIDAS(Profile.EIDAS, Map.of(
            PivotField.PERSON_IDENTIFIER, Eidas.NATURAL_PERSON + "PersonIdentifier",
            PivotField.GIVEN_NAME, Eidas.NATURAL_PERSON + "CurrentGivenName",
            PivotField.FAMILY_NAME, Eidas.NATURAL_PERSON + "CurrentFamilyName",
            PivotField.BIRTHDATE, Eidas.NATURAL_PERSON + "DateOfBirth",
            PivotField.GENDER, Eidas.NATURAL_PERSON + "Gender",
            PivotField.BIRTHPLACE, Eidas.NATURAL_PERSON + "PlaceOfBirth")),
    /** The PID of the EU Digital Identity Wallet ({@code urn:eudi:pid:1}), as the wallet IdP hands it over. */
    EUDI(Profile.EUDI, Map.of(
            PivotField.GIVEN_NAME, "given_name",
            PivotField.FAMILY_NAME, "family_name",
            PivotField.BIRTHDATE, "birthdate",
            PivotField.GENDER, "sex",
            PivotField.BIRTHPLACE, "place_of_birth.locality",
            PivotField.ISSUING_COUNTRY, "issuing_country",
            PivotField.ADMINISTRATIVE_NUMBER, "personal_administrative_number"));

    private final Profile profile;
    private final Map<PivotField, String> names;

    UpstreamNames(Profile profile, Map<PivotField, String> names) {
        this.profile = profile;
        this.names = new EnumMap<>(names);
    }

    Profile profile() {
        return profile;
    }

    /** The name for a field: the override when one is configured, else the preset's (empty when it has none). */
    Optional<String> name(PivotField field, Map<String, String> config) {
        String override = config.get(PivotIdentityMapper.claimConfigKey(field));
        if (override != null && !override.isBlank()) {
            return Optional.of(override.trim());
        }
        return Optional.ofNullable(names.get(field));
    }

    static UpstreamNames fromConfig(String value) {
        return value == null || value.isBlank() ? OIDC : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    private static final class Eidas {
        static final String NATURAL_PERSON = "http://eidas.europa.eu/attributes/naturalperson/";
    }
}
