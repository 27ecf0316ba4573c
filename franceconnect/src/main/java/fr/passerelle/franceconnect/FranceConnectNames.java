package fr.passerelle.franceconnect;

/**
 * Cross-module names of the FranceConnect profile: the client attribute that selects a client's profile
 * and the value that selects FranceConnect's contract. The consent broker reads them for data providers.
 * Operators see them in realm exports and the admin console; they are public contract.
 */
public final class FranceConnectNames {

    /** Client attribute (SP or DP): which partner contract the broker follows for this client. */
    public static final String PROFILE_ATTRIBUTE = "passerelle.profile";
    /** The default profile: Passerelle's own contract. */
    public static final String STANDARD_PROFILE = "standard";
    /** FranceConnect v2 / FranceConnect+ contract, for partners written for FranceConnect. */
    public static final String FRANCECONNECT_PROFILE = "franceconnect";

    /** Client attribute of the consent broker marking a data provider (same name there): DPs have no tokens to tune. */
    public static final String DATA_PROVIDER_ATTRIBUTE = "passerelle.data-provider";

    private FranceConnectNames() {
    }

    /** Whether a client attribute value selects the FranceConnect profile (blank or absent is the standard one). */
    public static boolean isFranceConnect(String profileAttribute) {
        return profileAttribute != null && FRANCECONNECT_PROFILE.equals(profileAttribute.strip());
    }
}
