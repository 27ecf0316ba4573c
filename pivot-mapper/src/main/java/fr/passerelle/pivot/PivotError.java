package fr.passerelle.pivot;

/**
 * Why an upstream identity was refused. Codes are public contract (error pages, logs, traces);
 * descriptions never quote the offending value, so they can be logged as they are.
 */
public enum PivotError {
    MISSING_CLAIM("pivot-missing-claim",
            "A required claim is missing or blank."),
    INVALID_NAME("pivot-invalid-name",
            "A name must be 1 to 256 characters long, without control characters."),
    INVALID_BIRTHDATE("pivot-invalid-birthdate",
            "The birthdate must be a past date from 1850 on, written YYYY-MM-DD, where an unknown day"
                    + " or an unknown month and day may be written 00."),
    INVALID_GENDER("pivot-invalid-gender",
            "The gender must be male, female or unspecified."),
    INVALID_BIRTHCOUNTRY("pivot-invalid-birthcountry",
            "The birth country must be an INSEE country code: five digits starting with 99."),
    INVALID_BIRTHPLACE("pivot-invalid-birthplace",
            "The birthplace must be an INSEE commune code for a person born in France, or 1 to 256"
                    + " characters of text for a foreign identity."),
    MISSING_BIRTHPLACE("pivot-missing-birthplace",
            "The birthplace is required when the birth country is France (99100)."),
    UNEXPECTED_BIRTHPLACE("pivot-unexpected-birthplace",
            "The birthplace must be empty when the birth country is not France."),
    INVALID_PERSON_IDENTIFIER("pivot-invalid-person-identifier",
            "The person identifier must read CC/CC/identifier: two upper-case country codes, then 1 to"
                    + " 256 characters without spaces."),
    INVALID_WALLET_IDENTIFIER("pivot-invalid-wallet-identifier",
            "A wallet identity needs an issuing country of two upper-case letters and a personal administrative"
                    + " number of 1 to 256 characters without control characters."),
    INVALID_EMAIL("pivot-invalid-email",
            "The email address must have one @, no spaces and at most 254 characters."),
    AMBIGUOUS_CLAIM("pivot-ambiguous-claim",
            "A single-valued claim was sent with several different values.");

    private final String code;
    private final String description;

    PivotError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String describe() {
        return description;
    }
}
