package fr.passerelle.trace;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import fr.passerelle.names.TraceEvent;

/**
 * One stored trace. It holds identifiers and codes only: the identity key (a SHA-256 of the canonical
 * pivot identity), never a name or a birthdate. Every text field is checked against the shape its kind of
 * identifier has, so a personal value handed by mistake is dropped instead of stored.
 *
 * @param event      the business event
 * @param time       when it happened
 * @param sp         client id of the service provider, or null
 * @param idp        alias of the identity provider, or null
 * @param level      the eIDAS level (acr value), or null
 * @param scopes     the scopes, space separated, or null
 * @param dp         client id of the data provider, or null
 * @param sessionId  the broker session id, or null
 * @param identityKey the person's identity key (64 lower-case hex), or null when not known yet
 * @param reason     a stable error code for refusals, or null
 */
public record TraceRecord(TraceEvent event, Instant time, String sp, String idp, String level, String scopes,
                          String dp, String sessionId, String identityKey, String reason) {

    private static final int IDENTITY_KEY_LENGTH = 64;
    private static final int IDENTIFIER_MAX = 255;
    private static final int CODE_MAX = 64;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final int SCOPES_MAX = 1024;
    /** What replaces a reason that is not a code (a free-text message could carry personal values). */
    public static final String OTHER_REASON = "other";

    public TraceRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        sp = identifier(sp);
        idp = identifier(idp);
        level = code(level);
        scopes = scopes(scopes);
        dp = identifier(dp);
        sessionId = identifier(sessionId);
        identityKey = identityKey == null || !isIdentityKey(identityKey) ? null : identityKey;
        reason = reason == null || reason.isBlank() ? null : isCode(reason) ? reason : OTHER_REASON;
    }

    public static TraceRecord of(TraceEvent event, Instant time) {
        return new TraceRecord(event, time, null, null, null, null, null, null, null, null);
    }

    public TraceRecord withSp(String value) {
        return new TraceRecord(event, time, value, idp, level, scopes, dp, sessionId, identityKey, reason);
    }

    public TraceRecord withIdp(String value) {
        return new TraceRecord(event, time, sp, value, level, scopes, dp, sessionId, identityKey, reason);
    }

    public TraceRecord withLevel(String value) {
        return new TraceRecord(event, time, sp, idp, value, scopes, dp, sessionId, identityKey, reason);
    }

    public TraceRecord withScopes(String value) {
        return new TraceRecord(event, time, sp, idp, level, value, dp, sessionId, identityKey, reason);
    }

    public TraceRecord withDp(String value) {
        return new TraceRecord(event, time, sp, idp, level, scopes, value, sessionId, identityKey, reason);
    }

    public TraceRecord withSessionId(String value) {
        return new TraceRecord(event, time, sp, idp, level, scopes, dp, value, identityKey, reason);
    }

    public TraceRecord withIdentityKey(String value) {
        return new TraceRecord(event, time, sp, idp, level, scopes, dp, sessionId, value, reason);
    }

    public TraceRecord withReason(String value) {
        return new TraceRecord(event, time, sp, idp, level, scopes, dp, sessionId, identityKey, value);
    }

    // The shapes are checked character by character (no regular expression): a trace is built on every token check.

    private static String identifier(String value) {
        return value != null && isIdentifier(value) ? value : null;
    }

    private static String code(String value) {
        return value != null && isCode(value) ? value : null;
    }

    private static String scopes(String value) {
        if (value == null) {
            return null;
        }
        String folded = value.trim();
        if (!isFolded(folded)) {
            folded = WHITESPACE.matcher(folded).replaceAll(" ");
        }
        return !folded.isEmpty() && folded.length() <= SCOPES_MAX && isScopeList(folded) ? folded : null;
    }

    /** 64 lower-case hexadecimal digits. */
    static boolean isIdentityKey(String value) {
        return value.length() == IDENTITY_KEY_LENGTH && hasShape(value, IDENTITY_KEY_LENGTH, c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** 1 to 255 of {@code A-Z a-z 0-9 . _ : @ / -}. */
    static boolean isIdentifier(String value) {
        return hasShape(value, IDENTIFIER_MAX, c -> isCodeChar(c) || c == ':' || c == '@' || c == '/');
    }

    /** 1 to 64 of {@code A-Z a-z 0-9 . _ -}. */
    static boolean isCode(String value) {
        return hasShape(value, CODE_MAX, TraceRecord::isCodeChar);
    }

    private interface CharSet {
        boolean has(char c);
    }

    private static boolean hasShape(String value, int max, CharSet allowed) {
        if (value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!allowed.has(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCodeChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
    }

    /** OAuth scope tokens (RFC 6749: %x21 / %x23-5B / %x5D-7E) separated by single spaces. */
    static boolean isScopeList(String value) {
        if (value.isEmpty() || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                if (value.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (!(c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E)) {
                return false;
            }
        }
        return true;
    }

    /** No whitespace but single spaces: nothing to fold. */
    private static boolean isFolded(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || i > 0 && value.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
