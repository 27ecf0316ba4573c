package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairwiseSubTest {

    /** Demo only: a platform's secret lives outside the realm export. */
    private static final byte[] SECRET = "passerelle demo platform secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);

    private static final IdentityKey MARIE_AT_IMPOTS = IdentityKey.of(DemoPeople.french(DemoPeople.marieAtImpots()));
    private static final IdentityKey MARIE_AT_IDENTITE_NUMERIQUE =
            IdentityKey.of(DemoPeople.french(DemoPeople.marieAtIdentiteNumerique()));

    @Test
    void samePersonSameSectorGetsSameSubWhicheverIdpSheUsed() {
        assertEquals(PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS),
                PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IDENTITE_NUMERIQUE));
    }

    @Test
    void samePersonInTwoSectorsGetsUnrelatedSubs() {
        assertNotEquals(PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS),
                PairwiseSub.compute(SECRET, "other-agency", MARIE_AT_IMPOTS));
    }

    @Test
    void twoPeopleInOneSectorGetDifferentSubs() {
        IdentityKey ahmed = IdentityKey.of(DemoPeople.french(DemoPeople.ahmed()));

        assertNotEquals(PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS),
                PairwiseSub.compute(SECRET, "demo-city", ahmed));
    }

    @Test
    void anotherPlatformSecretGivesAnotherSub() {
        byte[] otherSecret = Arrays.copyOf(SECRET, SECRET.length);
        otherSecret[0] ^= 1;

        assertNotEquals(PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS),
                PairwiseSub.compute(otherSecret, "demo-city", MARIE_AT_IMPOTS));
    }

    @Test
    void subIs64LowerCaseHexDigitsFollowedByTheVersion() {
        String sub = PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS);

        assertTrue(sub.matches("[0-9a-f]{64}v1"), sub);
        assertTrue(sub.endsWith(PairwiseSub.VERSION));
    }

    @Test
    void subIsTheHmacOfTheLengthPrefixedSectorAndKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] expected = mac.doFinal(IdentityKey.encode(List.of("demo-city", MARIE_AT_IMPOTS.hex())));

        assertEquals(HexFormat.of().formatHex(expected) + "v1", PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS));
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PairwiseSub.compute(Arrays.copyOf(SECRET, 31), "demo-city", MARIE_AT_IMPOTS));
        assertThrows(IllegalArgumentException.class, () -> PairwiseSub.compute(new byte[0], "demo-city", MARIE_AT_IMPOTS));
        assertThrows(IllegalArgumentException.class, () -> PairwiseSub.compute(null, "demo-city", MARIE_AT_IMPOTS));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aBlankSectorIsRefused(String sector) {
        assertThrows(IllegalArgumentException.class, () -> PairwiseSub.compute(SECRET, sector, MARIE_AT_IMPOTS));
    }
}
