package fr.passerelle.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LevelPropertiesTest {

    @Property
    void judgeNeverAcceptsALevelAboveTheCeilingNorBelowTheRequest(@ForAll("policies") IdpLevelPolicy policy,
                                                                  @ForAll EidasLevel requested,
                                                                  @ForAll("upstreamValues") List<String> values) {
        if (LevelJudge.judge(policy, requested, values) instanceof Accepted accepted) {
            assertTrue(policy.ceiling().isAtLeast(accepted.level()));
            assertTrue(accepted.level().isAtLeast(requested));
            assertTrue(policy.assertable().contains(accepted.level()));
        }
    }

    @Property
    void judgeIgnoresTheOrderOfTheUpstreamValues(@ForAll("policies") IdpLevelPolicy policy,
                                                 @ForAll EidasLevel requested,
                                                 @ForAll("upstreamValues") List<String> values) {
        List<String> reversed = new ArrayList<>(values);
        Collections.reverse(reversed);

        assertEquals(LevelJudge.judge(policy, requested, values), LevelJudge.judge(policy, requested, reversed));
    }

    @Property
    void idpIsAskedNoLessThanTheRequestNorItsMinimum(@ForAll("policies") IdpLevelPolicy policy,
                                                     @ForAll EidasLevel requested) {
        EidasLevel asked = policy.levelToAsk(requested);

        assertTrue(asked.isAtLeast(requested));
        assertTrue(asked.isAtLeast(policy.minimum()));
        // The value sent upstream must name a level that would satisfy the request once back.
        assertTrue(policy.upstreamValues().get(policy.upstreamValueFor(asked)).isAtLeast(asked));
    }

    @Property
    void requestedLevelIsTheLowestKnownAcrValue(@ForAll("acrValues") List<String> acrValues) {
        RequestedLevel resolved = LevelRequestParser.resolve(String.join(" ", acrValues), List.of(), List.of(),
                Optional.empty(), EidasLevel.LOW);
        Optional<EidasLevel> lowest = acrValues.stream()
                .map(EidasLevel::fromAcr)
                .flatMap(Optional::stream)
                .reduce(EidasLevel::min);

        assertEquals(lowest.orElse(EidasLevel.LOW), resolved.level());
    }

    @Provide
    Arbitrary<IdpLevelPolicy> policies() {
        Arbitrary<Set<EidasLevel>> assertable = Arbitraries.of(EidasLevel.class).set().ofMinSize(1)
                .map(levels -> EnumSet.copyOf(levels));
        Arbitrary<Boolean> saml = Arbitraries.of(true, false);
        return Combinators.combine(assertable, saml).flatAs((levels, isSaml) -> {
            IdpLevelPolicy preset = isSaml ? IdpLevelPolicy.eidasSaml(levels) : IdpLevelPolicy.oidc(levels);
            return Arbitraries.of(levels).map(minimum ->
                    new IdpLevelPolicy(preset.assertable(), preset.upstreamValues(), minimum));
        });
    }

    @Provide
    Arbitrary<List<String>> upstreamValues() {
        return Arbitraries.of("eidas1", "eidas2", "eidas3", DemoIdps.EIDAS_LOW, DemoIdps.EIDAS_SUBSTANTIAL,
                        DemoIdps.EIDAS_HIGH, "urn:oasis:names:tc:SAML:2.0:ac:classes:Password", "", " ")
                .list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> acrValues() {
        return Arbitraries.of("eidas1", "eidas2", "eidas3", "EIDAS2", "eidas4", "urn:other:loa", "loa-high")
                .list().ofMaxSize(5);
    }
}
