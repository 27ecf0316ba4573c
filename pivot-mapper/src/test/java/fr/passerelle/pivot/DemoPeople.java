package fr.passerelle.pivot;

import static fr.passerelle.pivot.PivotField.ADMINISTRATIVE_NUMBER;
import static fr.passerelle.pivot.PivotField.BIRTHCOUNTRY;
import static fr.passerelle.pivot.PivotField.BIRTHDATE;
import static fr.passerelle.pivot.PivotField.BIRTHPLACE;
import static fr.passerelle.pivot.PivotField.EMAIL;
import static fr.passerelle.pivot.PivotField.FAMILY_NAME;
import static fr.passerelle.pivot.PivotField.GENDER;
import static fr.passerelle.pivot.PivotField.GIVEN_NAME;
import static fr.passerelle.pivot.PivotField.ISSUING_COUNTRY;
import static fr.passerelle.pivot.PivotField.PERSON_IDENTIFIER;
import static fr.passerelle.pivot.PivotField.PREFERRED_USERNAME;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.passerelle.pivot.PivotIdentityValidator.Profile;
import fr.passerelle.pivot.PivotIdentityValidator.Valid;

/** The demo people of the shipped realm export, as their IdPs send them. */
final class DemoPeople {

    private DemoPeople() {
    }

    static Upstream marieAtImpots() {
        return Upstream.none()
                .with(GIVEN_NAME, "Marie Éloïse")
                .with(FAMILY_NAME, "DUPONT")
                .with(BIRTHDATE, "1985-03-14")
                .with(GENDER, "female")
                .with(BIRTHPLACE, "75056")
                .with(BIRTHCOUNTRY, "99100")
                .with(EMAIL, "marie.dupont@example.org");
    }

    static Upstream marieAtIdentiteNumerique() {
        return Upstream.none()
                .with(GIVEN_NAME, "MARIE ELOISE")
                .with(FAMILY_NAME, "Dupont")
                .with(BIRTHDATE, "1985-03-14")
                .with(GENDER, "female")
                .with(BIRTHPLACE, "75056")
                .with(BIRTHCOUNTRY, "99100");
    }

    static Upstream ahmed() {
        return Upstream.none()
                .with(GIVEN_NAME, "Ahmed")
                .with(FAMILY_NAME, "BEN ALI")
                .with(BIRTHDATE, "1972-00-00")
                .with(GENDER, "male")
                .with(BIRTHPLACE, "")
                .with(BIRTHCOUNTRY, "99352");
    }

    static Upstream jeanBaptiste() {
        return Upstream.none()
                .with(GIVEN_NAME, "Jean-Baptiste Louis")
                .with(FAMILY_NAME, "D'ARTAGNAN")
                .with(PREFERRED_USERNAME, "BATZ")
                .with(BIRTHDATE, "1969-12-01")
                .with(GENDER, "male")
                .with(BIRTHPLACE, "2A004")
                .with(BIRTHCOUNTRY, "99100");
    }

    static Upstream lucas() {
        return Upstream.none()
                .with(GIVEN_NAME, "Lucas")
                .with(FAMILY_NAME, "MARTIN")
                .with(BIRTHDATE, "2001-11-30")
                .with(GENDER, "male")
                .with(BIRTHPLACE, "69123")
                .with(BIRTHCOUNTRY, "99100");
    }

    static Upstream elena() {
        return Upstream.none()
                .with(PERSON_IDENTIFIER, "ES/FR/12345678Z")
                .with(GIVEN_NAME, "Elena")
                .with(FAMILY_NAME, "GARCÍA LÓPEZ")
                .with(BIRTHDATE, "1990-07-21")
                .with(GENDER, "Female")
                .with(BIRTHPLACE, "Sevilla");
    }

    static Upstream jonas() {
        return Upstream.none()
                .with(PERSON_IDENTIFIER, "DE/FR/7fa9c1e2")
                .with(GIVEN_NAME, "Jonas")
                .with(FAMILY_NAME, "SCHMIDT")
                .with(BIRTHDATE, "1979-02-02")
                .with(GENDER, "Male");
    }

    /** A German PID as the wallet IdP hands it over: sex as a code, place of birth as a town. */
    static Upstream erika() {
        return Upstream.none()
                .with(ISSUING_COUNTRY, "DE")
                .with(ADMINISTRATIVE_NUMBER, "T22000129")
                .with(GIVEN_NAME, "Erika")
                .with(FAMILY_NAME, "Mustermann")
                .with(BIRTHDATE, "1964-08-12")
                .with(GENDER, "2")
                .with(BIRTHPLACE, "Berlin");
    }

    /** A Portuguese PID with two given names, two family names and no sex or place of birth disclosed. */
    static Upstream joao() {
        return Upstream.none()
                .with(ISSUING_COUNTRY, "PT")
                .with(ADMINISTRATIVE_NUMBER, "PT-198765432")
                .with(GIVEN_NAME, "João Pedro")
                .with(FAMILY_NAME, "Gonçalves Sá")
                .with(BIRTHDATE, "2001-03-30");
    }

    static PivotIdentity french(Upstream upstream) {
        return valid(upstream, Profile.FRENCH);
    }

    static PivotIdentity eudi(Upstream upstream) {
        return valid(upstream, Profile.EUDI);
    }

    static PivotIdentity eidas(Upstream upstream) {
        return valid(upstream, Profile.EIDAS);
    }

    private static PivotIdentity valid(Upstream upstream, Profile profile) {
        return assertInstanceOf(Valid.class, PivotIdentityValidator.validate(upstream, profile)).identity();
    }
}
