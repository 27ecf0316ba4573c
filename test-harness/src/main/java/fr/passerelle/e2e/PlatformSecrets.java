package fr.passerelle.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import fr.passerelle.pivot.IdentityKey;
import fr.passerelle.pivot.PivotIdentity;
import fr.passerelle.pivot.VersionedSecret;

/**
 * The identity-key secret every test server is given (as an operator would configure one), so that tests can compute
 * the identity key the broker gives a person and find the account by it. For the tests only.
 */
public final class PlatformSecrets {

    public static final VersionedSecret IDENTITY_KEY_V1 = secret("v1", "passerelle e2e identity-key secret, version one");
    public static final VersionedSecret IDENTITY_KEY_V2 = secret("v2", "passerelle e2e identity-key secret, version two");
    public static final VersionedSecret SUB_V1 = secret("v1", "passerelle e2e sub secret, version one, 32+ bytes");
    public static final VersionedSecret SUB_V2 = secret("v2", "passerelle e2e sub secret, version two, 32+ bytes");

    private static final String IDENTITY_KEY_OPTION = "--spi-identity-provider-mapper--passerelle-pivot-identity-mapper--identity-key-secret";
    private static final String SUB_OPTION = "--spi-protocol-mapper--passerelle-pairwise-sub--platform-secret";

    private PlatformSecrets() {
    }

    /** The server option giving the identity-key secret of this version ({@code identity-key-secret}, {@code …-v2}). */
    public static String identityKeyOption(VersionedSecret secret) {
        return option(IDENTITY_KEY_OPTION, secret);
    }

    /** The server option giving the sub secret of this version ({@code platform-secret}, {@code platform-secret-v2}). */
    public static String subOption(VersionedSecret secret) {
        return option(SUB_OPTION, secret);
    }

    /** The options naming the version new identity keys and new people's subs are made with. */
    public static List<String> currentVersions(String identityKeyVersion, String subVersion) {
        return List.of("--spi-identity-provider-mapper--passerelle-pivot-identity-mapper--identity-key-version=" + identityKeyVersion,
                "--spi-protocol-mapper--passerelle-pairwise-sub--sub-version=" + subVersion);
    }

    /** The identity key a server holding the v1 identity-key secret of the tests gives this identity. */
    public static String identityKey(PivotIdentity identity) {
        return IdentityKey.of(IDENTITY_KEY_V1, identity).hex();
    }

    private static String option(String name, VersionedSecret secret) {
        String suffix = secret.number() == 1 ? "" : "-" + secret.version();
        return name + suffix + "=" + Base64.getEncoder().encodeToString(secret.bytes());
    }

    private static VersionedSecret secret(String version, String text) {
        return new VersionedSecret(version, text.getBytes(StandardCharsets.UTF_8));
    }
}
