package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairwiseSubTest {

    private static final VersionedSecret SECRET = TestSecrets.V1;

    private static final SubjectKey MARIE_AT_IMPOTS = SubjectKey.of(DemoPeople.french(DemoPeople.marieAtImpots()));
    private static final SubjectKey MARIE_AT_IDENTITE_NUMERIQUE =
            SubjectKey.of(DemoPeople.french(DemoPeople.marieAtIdentiteNumerique()));

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
        SubjectKey ahmed = SubjectKey.of(DemoPeople.french(DemoPeople.ahmed()));

        assertNotEquals(PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS),
                PairwiseSub.compute(SECRET, "demo-city", ahmed));
    }

    @Test
    void theNextVersionsSecretGivesAnUnrelatedSubThatSaysItsVersion() {
        String v1 = PairwiseSub.compute(TestSecrets.V1, "demo-city", MARIE_AT_IMPOTS);
        String v2 = PairwiseSub.compute(TestSecrets.V2, "demo-city", MARIE_AT_IMPOTS);

        assertNotEquals(v1.substring(0, 64), v2.substring(0, 64));
        assertTrue(v1.endsWith("v1"), v1);
        assertTrue(v2.endsWith("v2"), v2);
    }

    @Test
    void subIs64LowerCaseHexDigitsFollowedByTheVersion() {
        String sub = PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS);

        assertTrue(sub.matches("[0-9a-f]{64}v1"), sub);
        assertTrue(sub.endsWith(PairwiseSub.FIRST_VERSION));
    }

    /** The formula every v1 sub was issued with: it must not move, or services would lose everyone. */
    @Test
    void subIsTheHmacOfTheLengthPrefixedSectorAndSubjectKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.bytes(), "HmacSHA256"));
        byte[] expected = mac.doFinal(IdentityKey.encode(List.of("demo-city", MARIE_AT_IMPOTS.hex())));

        assertEquals(HexFormat.of().formatHex(expected) + "v1", PairwiseSub.compute(SECRET, "demo-city", MARIE_AT_IMPOTS));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aBlankSectorIsRefused(String sector) {
        assertThrows(IllegalArgumentException.class, () -> PairwiseSub.compute(SECRET, sector, MARIE_AT_IMPOTS));
    }
}
