package fr.passerelle.notice.keycloak;

import java.util.Map;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;

import fr.passerelle.notice.NoticeNames;
import fr.passerelle.notice.NoticePolicy;

/** The realm attributes of this capability, read with their defaults. */
final class RealmSettings {

    private RealmSettings() {
    }

    /** An unreadable value falls back to the safe side: notices always. */
    static NoticePolicy policy(RealmModel realm) {
        return NoticePolicy.fromCode(realm.getAttribute(NoticeNames.POLICY_ATTRIBUTE)).orElse(NoticePolicy.ALWAYS);
    }

    static Optional<String> supportEmail(RealmModel realm) {
        String value = realm.getAttribute(NoticeNames.SUPPORT_EMAIL_ATTRIBUTE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static String suspiciousHeader(RealmModel realm) {
        String value = realm.getAttribute(NoticeNames.SUSPICIOUS_HEADER_ATTRIBUTE);
        return value == null || value.isBlank() ? NoticeNames.DEFAULT_SUSPICIOUS_HEADER : value.trim();
    }

    static int deviceMaxIdentities(RealmModel realm) {
        try {
            int value = Integer.parseInt(realm.getAttribute(NoticeNames.DEVICE_MAX_IDENTITIES_ATTRIBUTE));
            return value > 0 ? value : NoticeNames.DEFAULT_DEVICE_MAX_IDENTITIES;
        } catch (NumberFormatException e) {
            return NoticeNames.DEFAULT_DEVICE_MAX_IDENTITIES;
        }
    }

    /** The numeric level below which IdPs are hidden in a suspicious context (the realm's acr-to-level map). */
    static int suspiciousMinLevel(RealmModel realm) {
        String acr = realm.getAttribute(NoticeNames.SUSPICIOUS_MIN_LEVEL_ATTRIBUTE);
        Map<String, Integer> map = AcrUtils.getAcrLoaMap(realm);
        Integer level = map.get(acr == null || acr.isBlank() ? NoticeNames.DEFAULT_SUSPICIOUS_MIN_LEVEL : acr.trim());
        return level == null ? 2 : level;
    }
}
