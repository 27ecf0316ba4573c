package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class VerifiedSignaturesTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignatureFoundValidIsRememberedForThoseExactBytesAndThatKeyOnly() {
        VerifiedSignatures verified = new VerifiedSignatures(10, 60_000, clock);
        verified.add("kid-1", "ES256", b("header.payload"), b("sig"));
        assertTrue(verified.contains("kid-1", "ES256", b("header.payload"), b("sig")));
        assertFalse(verified.contains("kid-2", "ES256", b("header.payload"), b("sig")), "another key");
        assertFalse(verified.contains("kid-1", "ES384", b("header.payload"), b("sig")), "another algorithm");
        assertFalse(verified.contains("kid-1", "ES256", b("header.payloaD"), b("sig")), "other bytes");
        assertFalse(verified.contains("kid-1", "ES256", b("header.payload"), b("sih")), "another signature");
    }

    @Test
    void movingBytesBetweenDataAndSignatureDoesNotMatch() {
        VerifiedSignatures verified = new VerifiedSignatures(10, 60_000, clock);
        verified.add("kid", "ES256", b("abc"), b("def"));
        assertFalse(verified.contains("kid", "ES256", b("abcd"), b("ef")));
        assertFalse(verified.contains("kidE", "S256", b("abc"), b("def")));
    }

    @Test
    void anEntryIsForgottenAfterItsLifetime() {
        VerifiedSignatures verified = new VerifiedSignatures(10, 60_000, clock);
        verified.add("kid", "ES256", b("t"), b("s"));
        now.addAndGet(59_999);
        assertTrue(verified.contains("kid", "ES256", b("t"), b("s")));
        now.addAndGet(1);
        assertFalse(verified.contains("kid", "ES256", b("t"), b("s")));
        assertEquals(0, verified.size());
    }

    @Property
    void theSetNeverHoldsMoreThanItsCapacity(@ForAll("adds") int adds) {
        VerifiedSignatures verified = new VerifiedSignatures(100, 60_000, clock);
        for (int i = 0; i < adds; i++) {
            verified.add("kid", "ES256", b("token-" + i), b("s"));
            now.addAndGet(7);
        }
        assertTrue(verified.size() <= 100);
        assertTrue(verified.contains("kid", "ES256", b("token-" + (adds - 1)), b("s")), "the last one is kept");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> adds() {
        return net.jqwik.api.Arbitraries.integers().between(1, 5_000);
    }

    @Test
    void aNonPositiveCapacityOrLifetimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(0, 1, clock));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(1, 0, clock));
    }
}
