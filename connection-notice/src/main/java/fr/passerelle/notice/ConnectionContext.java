package fr.passerelle.notice;

/**
 * What is known of a connection when it happens, and what follows from it: whether the device knew the identity,
 * whether the context is suspicious, and so whether a notice goes out under the realm's policy.
 */
public record ConnectionContext(boolean knownDevice, boolean suspiciousHeader, boolean deviceOverLimit) {

    public boolean suspicious() {
        return suspiciousHeader || deviceOverLimit;
    }

    public boolean noticeDue(NoticePolicy policy) {
        return policy.sends(knownDevice, suspicious());
    }

    /** Whether the operator's header value marks the request as suspicious: present and not a "no". */
    public static boolean headerSaysSuspicious(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return !v.isEmpty() && !v.equals("0") && !v.equals("false") && !v.equals("no");
    }
}
