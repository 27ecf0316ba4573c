package fr.passerelle.notice.keycloak;

import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import fr.passerelle.notice.DeviceCookie;
import fr.passerelle.notice.NoticeNames;

/** Reads and writes the device cookie of the current request, signed with the realm's active HMAC key. */
final class DeviceCookies {

    private final KeycloakSession session;
    private final RealmModel realm;

    DeviceCookies(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Optional<DeviceCookie> read(Instant now) {
        if (session.getContext().getRequestHeaders() == null) {
            return Optional.empty();
        }
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(NoticeNames.DEVICE_COOKIE);
        byte[] key = key();
        return cookie == null || key == null ? Optional.empty() : DeviceCookie.decode(cookie.getValue(), key, now);
    }

    String identityDigest(String identityKey) {
        byte[] key = key();
        return key == null ? "" : DeviceCookie.identityDigest(key, identityKey);
    }

    void write(DeviceCookie device) {
        byte[] key = key();
        if (key == null || session.getContext().getHttpResponse() == null) {
            return;
        }
        String path = session.getContext().getUri().getBaseUri().getPath() + "realms/" + realm.getName() + "/";
        boolean secure = "https".equalsIgnoreCase(session.getContext().getUri().getBaseUri().getScheme());
        session.getContext().getHttpResponse().setCookieIfAbsent(new NewCookie.Builder(NoticeNames.DEVICE_COOKIE)
                .value(device.encode(key))
                .path(path)
                .maxAge((int) DeviceCookie.LIFETIME.toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build());
    }

    private byte[] key() {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        return key == null || key.getSecretKey() == null ? null : key.getSecretKey().getEncoded();
    }
}
