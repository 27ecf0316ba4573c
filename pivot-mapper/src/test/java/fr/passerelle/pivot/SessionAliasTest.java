package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class SessionAliasTest {

    private static final String SESSION = "6f1c2b9e-3d4a-4c55-9e2f-0a1b2c3d4e5f";
    private static final Function<String, Optional<VersionedSecret>> HELD =
            version -> Optional.ofNullable(Map.of("v1", TestSecrets.V1, "v2", TestSecrets.V2).get(version));

    @Test
    void oneSectorAlwaysGetsTheSameAliasAndTheBrokerGetsTheSessionBack() {
        String alias = SessionAlias.of(TestSecrets.V1, "city", SESSION);
        assertEquals(alias, SessionAlias.of(TestSecrets.V1, "city", SESSION));
        assertTrue(alias.startsWith("ps.v1."), alias);
        assertEquals(Optional.of(SESSION), SessionAlias.resolve(alias, HELD));
    }

    @Test
    void twoSectorsGetUnrelatedAliasesOfOneSession() {
        String city = SessionAlias.of(TestSecrets.V1, "city", SESSION);
        String agency = SessionAlias.of(TestSecrets.V1, "agency", SESSION);
        assertNotEquals(city, agency);
        assertFalse(city.contains(SESSION) || agency.contains(SESSION), "the session id is not readable in an alias");
        // no common substring of any length that would hint at a shared session: the encrypted parts differ from the start
        String cityPayload = city.substring("ps.v1.".length());
        String agencyPayload = agency.substring("ps.v1.".length());
        assertNotEquals(cityPayload.substring(0, 8), agencyPayload.substring(0, 8));
        assertEquals(Optional.of(SESSION), SessionAlias.resolve(agency, HELD));
    }

    @Test
    void twoSessionsOfOneSectorGetTwoAliases() {
        assertNotEquals(SessionAlias.of(TestSecrets.V1, "city", SESSION), SessionAlias.of(TestSecrets.V1, "city", SESSION + "x"));
    }

    @Test
    void anEditedAliasResolvesToNothing() {
        String alias = SessionAlias.of(TestSecrets.V1, "city", SESSION);
        char last = alias.charAt(alias.length() - 2);
        String edited = alias.substring(0, alias.length() - 2) + (last == 'A' ? 'B' : 'A') + alias.charAt(alias.length() - 1);
        assertEquals(Optional.empty(), SessionAlias.resolve(edited, HELD));
        assertEquals(Optional.empty(), SessionAlias.resolve(alias.replace("ps.v1.", "ps.v2."), HELD), "another version's key");
        assertEquals(Optional.empty(), SessionAlias.resolve(alias.substring(0, 20), HELD), "truncated");
        assertEquals(Optional.empty(), SessionAlias.resolve("ps.v1.not*base64", HELD));
        assertEquals(Optional.empty(), SessionAlias.resolve("ps.x1.AAAA", HELD));
        assertEquals(Optional.empty(), SessionAlias.resolve(SESSION, HELD), "a plain session id is no alias");
        assertEquals(Optional.empty(), SessionAlias.resolve(null, HELD));
    }

    @Test
    void anAliasOfAVersionNoLongerHeldOrMadeWithAnotherSecretResolvesToNothing() {
        String v3 = SessionAlias.of(TestSecrets.V3, "city", SESSION);
        assertEquals(Optional.empty(), SessionAlias.resolve(v3, HELD));
        VersionedSecret impostor = new VersionedSecret("v1", "another platform's secret, 32 bytes at least".getBytes());
        assertEquals(Optional.empty(), SessionAlias.resolve(SessionAlias.of(impostor, "city", SESSION), HELD));
    }

    @Test
    void eachVersionResolvesWithItsOwnSecret() {
        String v2 = SessionAlias.of(TestSecrets.V2, "city", SESSION);
        assertTrue(v2.startsWith("ps.v2."));
        assertEquals(Optional.of(SESSION), SessionAlias.resolve(v2, HELD));
    }

    @Test
    void aBlankSectorOrSessionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SessionAlias.of(TestSecrets.V1, " ", SESSION));
        assertThrows(IllegalArgumentException.class, () -> SessionAlias.of(TestSecrets.V1, "city", null));
    }
}
