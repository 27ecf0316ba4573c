package fr.passerelle.names;

/** Attributes an operator sets on a client (an SP or a DP). */
public final class ClientAttributes {

    /** The SP's sector: SPs of one sector receive the same pairwise {@code sub}. */
    public static final String SECTOR = "passerelle.sector";
    /** The IdPs this SP allows (comma-separated aliases); empty allows every IdP. */
    public static final String IDP_ALLOW = "passerelle.idp-allow";
    /** The IdPs this SP refuses (comma-separated aliases). */
    public static final String IDP_DENY = "passerelle.idp-deny";
    /** The level asked when the SP's request names none; also a realm attribute (the platform default). */
    public static final String DEFAULT_LEVEL = "passerelle.default-level";
    /** The SP's consent policy for data scopes. */
    public static final String CONSENT = "passerelle.consent";
    /** On a DP's client: {@code true}. On a data client scope: the client id of the DP that serves it. */
    public static final String DATA_PROVIDER = "passerelle.data-provider";
    /** A DP's key-management algorithm for encrypted checktoken answers. */
    public static final String CHECKTOKEN_ENCRYPTION_ALG = "passerelle.checktoken.encryption-alg";
    /** A DP's content-encryption algorithm for encrypted checktoken answers. */
    public static final String CHECKTOKEN_ENCRYPTION_ENC = "passerelle.checktoken.encryption-enc";

    private ClientAttributes() {
    }
}
