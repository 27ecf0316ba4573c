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

    private static final Pattern IDENTITY_KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:@/-]{1,255}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SCOPES = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
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
        identityKey = identityKey == null || !IDENTITY_KEY.matcher(identityKey).matches() ? null : identityKey;
        reason = reason == null || reason.isBlank() ? null : CODE.matcher(reason).matches() ? reason : OTHER_REASON;
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

    private static String identifier(String value) {
        return value != null && IDENTIFIER.matcher(value).matches() ? value : null;
    }

    private static String code(String value) {
        return value != null && CODE.matcher(value).matches() ? value : null;
    }

    private static String scopes(String value) {
        if (value == null) {
            return null;
        }
        String folded = value.trim().replaceAll("\\s+", " ");
        return !folded.isEmpty() && folded.length() <= SCOPES_MAX && SCOPES.matcher(folded).matches() ? folded : null;
    }
}
