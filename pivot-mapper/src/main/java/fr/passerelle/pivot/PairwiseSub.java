package fr.passerelle.pivot;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sub} a sector sees: the same person gets the same subject in one sector whichever IdP
 * they used, and unrelated subjects in two sectors, so that sectors cannot join their users.
 * {@code hex(HMAC-SHA256(sub secret of version vN, len‖sector ‖ len‖subject key))} followed by {@code vN}: a
 * person keeps the version their first {@code sub} was issued under, so a rotation of the secret gives new people
 * the new version and leaves the people services already know as they were.
 */
public final class PairwiseSub {

    /** The version every {@code sub} had before rotation existed, and still has for accounts that never said. */
    public static final String FIRST_VERSION = "v1";

    private PairwiseSub() {
    }

    /**
     * @return 64 lower-case hexadecimal digits followed by the secret's version
     * @throws IllegalArgumentException if the sector is blank
     */
    public static String compute(VersionedSecret secret, String sector, SubjectKey key) {
        Objects.requireNonNull(secret, "secret");
        if (sector == null || sector.isBlank()) {
            throw new IllegalArgumentException("the sector must not be blank");
        }
        Objects.requireNonNull(key, "key");
        byte[] message = IdentityKey.encode(List.of(sector, key.hex()));
        return HexFormat.of().formatHex(secret.hmacSha256(message)) + secret.version();
    }
}
