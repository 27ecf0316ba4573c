package fr.passerelle.pivot;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a person is, independently of the IdP that vouched for them and of how it spelled their
 * names: the HMAC-SHA256, under the platform's identity-key secret, of their canonical pivot fields.
 * Accounts, traces, blocks and notices are found by it; without the secret nobody can compute it from a
 * person's names and birthdate. The encoding below must never change without a new domain tag, and the
 * secret never under its version: rotating it is a new version, and each person's account moves to the
 * new key at their next login ({@link IdentityKeyring}).
 *
 * @param hex the key, 64 lower-case hexadecimal digits
 */
public record IdentityKey(String hex) {

    static final String DOMAIN_TAG = "passerelle-identity-key/1";
    static final String FRENCH_KIND = "fr";
    static final String FOREIGN_KIND = "eidas";
    static final String WALLET_KIND = "eudi";

    private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public IdentityKey {
        if (hex == null || !HEX_SHA_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("an identity key is 64 lower-case hexadecimal digits");
        }
    }

    public static IdentityKey of(VersionedSecret secret, PivotIdentity identity) {
        return new IdentityKey(HexFormat.of().formatHex(secret.hmacSha256(encode(fields(identity)))));
    }

    /**
     * The fields hashed, tags first. The raw birthdate is used, not the claim: a presumed
     * {@code 1972-00-00} and a real {@code 1972-01-01} are not the same evidence, and reading one as
     * the other would merge two people. The birthplace only counts when born in France, where it
     * is a commune code; abroad it is empty by rule. A wallet identity is keyed by its issuing country
     * and personal administrative number only: names and birthdate may be corrected on a new PID.
     */
    static List<String> fields(PivotIdentity identity) {
        if (identity.isWallet()) {
            return List.of(DOMAIN_TAG, WALLET_KIND, identity.walletIdentifier().issuingCountry().toUpperCase(Locale.ROOT),
                    identity.walletIdentifier().administrativeNumber());
        }
        if (identity.isForeign()) {
            return List.of(DOMAIN_TAG, FOREIGN_KIND, personIdentifier(identity.personIdentifier()));
        }
        boolean bornInFrance = PivotIdentity.FRANCE.equals(identity.birthcountry());
        return List.of(
                DOMAIN_TAG,
                FRENCH_KIND,
                Canonical.name(identity.givenName()),
                Canonical.name(identity.familyName()),
                identity.birthdate().raw(),
                identity.gender().claim(),
                bornInFrance ? identity.birthplace() : "",
                identity.birthcountry());
    }

    /**
     * Each field as the 4-byte big-endian length of its UTF-8 bytes, then those bytes: no two
     * different lists of fields share an encoding, whatever characters the fields hold.
     */
    static byte[] encode(List<String> fields) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            encoded.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            encoded.writeBytes(bytes);
        }
        return encoded.toByteArray();
    }

    /** Country codes are case-insensitive; the opaque part belongs to the issuing country and is not. */
    private static String personIdentifier(String personIdentifier) {
        String trimmed = personIdentifier.strip();
        int countries = trimmed.indexOf('/', trimmed.indexOf('/') + 1);
        if (countries < 0) {
            return trimmed;
        }
        return trimmed.substring(0, countries).toUpperCase(Locale.ROOT) + trimmed.substring(countries);
    }
}
