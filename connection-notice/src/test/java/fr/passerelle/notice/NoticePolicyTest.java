package fr.passerelle.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NoticePolicyTest {

    @Test
    void alwaysSendsWhateverTheDevice() {
        assertTrue(NoticePolicy.ALWAYS.sends(true, false));
        assertTrue(NoticePolicy.ALWAYS.sends(false, false));
    }

    @Test
    void franceConnectRuleSendsForANewDeviceOrASuspiciousContextOnly() {
        assertTrue(NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS.sends(false, false));
        assertTrue(NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS.sends(true, true));
        assertFalse(NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS.sends(true, false));
    }

    @Test
    void neverMeansNeverEvenWhenSuspicious() {
        assertFalse(NoticePolicy.NEVER.sends(false, true));
    }

    @Test
    void unsetIsAlwaysAndUnknownIsNoPolicy() {
        assertEquals(Optional.of(NoticePolicy.ALWAYS), NoticePolicy.fromCode(null));
        assertEquals(Optional.of(NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS), NoticePolicy.fromCode(" New-Device-Or-Suspicious "));
        assertEquals(Optional.empty(), NoticePolicy.fromCode("sometimes"));
    }

    @Test
    void aDeviceOverItsLimitIsASuspiciousContext() {
        assertTrue(new ConnectionContext(false, false, true).noticeDue(NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS));
        assertFalse(new ConnectionContext(true, false, false).noticeDue(NoticePolicy.NEW_DEVICE_OR_SUSPICIOUS));
        assertTrue(ConnectionContext.headerSaysSuspicious("1"));
        assertTrue(ConnectionContext.headerSaysSuspicious("tor-exit"));
        assertFalse(ConnectionContext.headerSaysSuspicious("0"));
        assertFalse(ConnectionContext.headerSaysSuspicious(" false "));
        assertFalse(ConnectionContext.headerSaysSuspicious(null));
    }
}
