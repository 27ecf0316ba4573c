package fr.passerelle.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The digest a sent notice keeps of its recipient, so that the report form can check the address a person
 * types without the outbox keeping the address once the e-mail is gone.
 */
public final class EmailDigest {

    private EmailDigest() {
    }

    public static String of(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("passerelle-notice:" + normalized).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time. */
    public static boolean matches(String email, String digest) {
        if (email == null || email.isBlank() || digest == null) {
            return false;
        }
        return MessageDigest.isEqual(of(email).getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    }
}
