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
    PERSON_IDENTIFIER("person_identifier");

    private final String claim;

    PivotField(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
