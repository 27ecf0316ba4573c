package fr.passerelle.franceconnect;

import fr.passerelle.names.ClientAttributes;

/** Whether a client follows FranceConnect's contract: its {@link ClientAttributes#PROFILE} attribute says so. */
public final class FranceConnectProfile {

    private FranceConnectProfile() {
    }

    /** @param profileAttribute the client's {@code passerelle.profile}; blank or absent is the standard profile */
    public static boolean selectedBy(String profileAttribute) {
        return profileAttribute != null && ClientAttributes.PROFILE_FRANCECONNECT.equals(profileAttribute.strip());
    }
}
