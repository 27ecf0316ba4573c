package fr.passerelle.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeviceCookieTest {

    static final byte[] KEY = "a server-side key of enough length".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void aDeviceRemembersAnIdentityWithoutHoldingItsKey() {
        String marie = DeviceCookie.identityDigest(KEY, "marie-identity-key");
        DeviceCookie device = DeviceCookie.fresh(NOW).remember(marie, 3, NOW);
        String value = device.encode(KEY);
        assertFalse(value.contains("marie"));
        DeviceCookie read = DeviceCookie.decode(value, KEY, NOW.plus(Duration.ofDays(1))).orElseThrow();
        assertTrue(read.knows(marie));
        assertFalse(read.knows(DeviceCookie.identityDigest(KEY, "someone-else")));
    }

    @Test
    void aTamperedOrForeignOrExpiredCookieIsNoDevice() {
        String value = DeviceCookie.fresh(NOW).remember("abc", 3, NOW).encode(KEY);
        assertEquals(Optional.empty(), DeviceCookie.decode(value.replace("abc", "abd"), KEY, NOW));
        assertEquals(Optional.empty(), DeviceCookie.decode(value, "another key entirely, also long".getBytes(StandardCharsets.UTF_8), NOW));
        assertEquals(Optional.empty(), DeviceCookie.decode(value, KEY, NOW.plus(Duration.ofDays(91))));
        assertEquals(Optional.empty(), DeviceCookie.decode("garbage", KEY, NOW));
    }

    @Test
    void aDeviceHoldsAtMostItsLimitAndIsThenFull() {
        DeviceCookie device = DeviceCookie.fresh(NOW);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            device = device.remember(id, 3, NOW);
        }
        assertEquals(3, device.identities().size());
        assertTrue(device.full(3));
        assertFalse(device.knows("d"));
    }
}
