package fr.passerelle.pivot;

/** A field of the pivot identity, named by the OIDC claim that carries it to service providers. */
public enum PivotField {
    GIVEN_NAME("given_name"),
    FAMILY_NAME("family_name"),
    PREFERRED_USERNAME("preferred_username"),
    BIRTHDATE("birthdate"),
    GENDER("gender"),
    BIRTHPLACE("birthplace"),
    BIRTHCOUNTRY("birthcountry"),
    EMAIL("email"),
    PERSON_IDENTIFIER("person_identifier"),
    /** The Member State that issued a wallet PID; with the administrative number, the key of a wallet identity. Never sent to services. */
    ISSUING_COUNTRY("issuing_country"),
    /** The personal administrative number of a wallet PID. Never sent to services: the pairwise {@code sub} stands for it. */
    ADMINISTRATIVE_NUMBER("personal_administrative_number");

    private final String claim;

    PivotField(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
