package fr.passerelle.pivot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one normalised identity every service provider receives, whichever IdP the person used.
 *
 * @param givenNames        each given name on its own, spelled as the IdP sent it
 * @param familyName        the birth name, spelled as the IdP sent it
 * @param preferredUsername the usage name, or {@code null} when the IdP gave none
 * @param birthplace        an INSEE commune code when born in France, {@code ""} when born abroad;
 *                          free text, possibly {@code ""}, for a foreign identity
 * @param birthcountry      an INSEE country code; {@code ""} for a foreign identity whose IdP sent no
 *                          country of birth
 * @param email             a contact address, or {@code null}; never used to match people
 * @param personIdentifier  the eIDAS {@code CC/CC/opaque} identifier of a foreign identity, or
 *                          {@code null} for a French one
 * @param walletIdentifier  what identifies a person presenting a wallet PID, or {@code null} for an
 *                          identity from any other IdP; it keys the identity and is never a claim
 */
public record PivotIdentity(
        List<String> givenNames,
        String familyName,
        String preferredUsername,
        Birthdate birthdate,
        Gender gender,
        String birthplace,
        String birthcountry,
        String email,
        String personIdentifier,
        WalletIdentifier walletIdentifier) {

    /** France's INSEE code as a birth country. */
    public static final String FRANCE = "99100";

    public static final String GIVEN_NAME_ARRAY_CLAIM = "given_name_array";
    public static final String IDP_BIRTHDATE_CLAIM = "idp_birthdate";

    public PivotIdentity {
        givenNames = List.copyOf(givenNames);
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthdate, "birthdate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthplace, "birthplace");
        Objects.requireNonNull(birthcountry, "birthcountry");
    }

    /**
     * The identifier of a wallet PID: the issuing Member State and the personal administrative number it
     * gave the person. A PID's names and birthdate are not unique, and the PID rulebook has no other
     * identifier that stays the same when the PID is issued again.
     */
    public record WalletIdentifier(String issuingCountry, String administrativeNumber) {
        public WalletIdentifier {
            Objects.requireNonNull(issuingCountry, "issuingCountry");
            Objects.requireNonNull(administrativeNumber, "administrativeNumber");
        }
    }

    /** An identity from an IdP other than the wallet. */
    public PivotIdentity(List<String> givenNames, String familyName, String preferredUsername, Birthdate birthdate, Gender gender,
            String birthplace, String birthcountry, String email, String personIdentifier) {
        this(givenNames, familyName, preferredUsername, birthdate, gender, birthplace, birthcountry, email, personIdentifier, null);
    }

    /** A wallet identity comes from a PID and is known by its wallet identifier. */
    public boolean isWallet() {
        return walletIdentifier != null;
    }

    /** A foreign identity comes from the eIDAS node and is known by its person identifier. */
    public boolean isForeign() {
        return personIdentifier != null;
    }

    public String givenName() {
        return String.join(" ", givenNames);
    }

    /**
     * The claims handed to service providers, in a stable order. {@code birthcountry} is left out
     * when a foreign identity's IdP sent no country of birth, rather than inventing an empty code.
     */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(PivotField.GIVEN_NAME.claim(), givenName());
        claims.put(GIVEN_NAME_ARRAY_CLAIM, givenNames);
        claims.put(PivotField.FAMILY_NAME.claim(), familyName);
        if (preferredUsername != null) {
            claims.put(PivotField.PREFERRED_USERNAME.claim(), preferredUsername);
        }
        claims.put(PivotField.BIRTHDATE.claim(), birthdate.claim());
        claims.put(IDP_BIRTHDATE_CLAIM, birthdate.raw());
        claims.put(PivotField.GENDER.claim(), gender.claim());
        claims.put(PivotField.BIRTHPLACE.claim(), birthplace);
        if (!birthcountry.isEmpty()) {
            claims.put(PivotField.BIRTHCOUNTRY.claim(), birthcountry);
        }
        if (email != null) {
            claims.put(PivotField.EMAIL.claim(), email);
        }
        if (isForeign()) {
            claims.put(PivotField.PERSON_IDENTIFIER.claim(), personIdentifier);
        }
        return Collections.unmodifiableMap(claims);
    }
}
