package fr.passerelle.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unpadded base64url, as every JOSE and SD-JWT structure uses it. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    public static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not unpadded base64url */
    public static byte[] decode(String text) {
        if (text == null || text.indexOf('=') >= 0 || text.indexOf('+') >= 0 || text.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not unpadded base64url");
        }
        return DECODER.decode(text);
    }
}
