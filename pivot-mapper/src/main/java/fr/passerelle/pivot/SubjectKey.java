package fr.passerelle.pivot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a person's pairwise {@code sub} is derived from: the SHA-256 of their canonical pivot fields
 * ({@link IdentityKey#encode}). It was the identity key before that became keyed, so every {@code sub} issued until
 * then keeps deriving from it unchanged; and as it depends on no secret of its own, rotating the identity-key secret
 * leaves every {@code sub} alone. Anyone knowing a person's names, birthdate and birthplace can compute it, so it
 * names nobody anywhere: it is kept only on the person's account, beside the clear pivot identity it is computed
 * from, and never is a username, a trace column, an event detail or a log line.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record SubjectKey(String hex) {

    private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public SubjectKey {
        if (hex == null || !HEX_SHA_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("a subject key is 64 lower-case hexadecimal digits");
        }
    }

    public static SubjectKey of(PivotIdentity identity) {
        return new SubjectKey(HexFormat.of().formatHex(sha256(IdentityKey.encode(IdentityKey.fields(identity)))));
    }

    /**
     * The identity key an account was given before keys were keyed: the same digest. Found only to move such an
     * account to its keyed identity key at the person's next login.
     */
    public IdentityKey asUnkeyedIdentityKey() {
        return new IdentityKey(hex);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
