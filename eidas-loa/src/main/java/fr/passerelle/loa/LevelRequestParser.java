package fr.passerelle.loa;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Works out the level a service provider asks for from the parts of its authorization request. */
public final class LevelRequestParser {

    private LevelRequestParser() {
    }

    /**
     * @param acrValues          the {@code acr_values} parameter, space separated, may be null
     * @param essentialClaimsAcr values of an essential {@code id_token} {@code acr} claim in the
     *                           {@code claims} parameter, may be empty
     * @param voluntaryClaimsAcr values of a voluntary {@code acr} claim, may be empty
     */
    public static RequestedLevel resolve(String acrValues,
                                         List<String> essentialClaimsAcr,
                                         List<String> voluntaryClaimsAcr,
                                         Optional<EidasLevel> clientDefault,
                                         EidasLevel platformDefault) {
        Objects.requireNonNull(clientDefault, "clientDefault");
        Objects.requireNonNull(platformDefault, "platformDefault");

        // An essential claim is the only way an SP can insist, so it outranks acr_values, which
        // OpenID Connect defines as voluntary.
        Optional<EidasLevel> essential = lowestKnown(stream(essentialClaimsAcr));
        if (essential.isPresent()) {
            return new RequestedLevel(essential.get(), true, RequestedLevel.Source.CLAIMS);
        }
        Optional<EidasLevel> fromAcrValues = lowestKnown(splitAcrValues(acrValues));
        if (fromAcrValues.isPresent()) {
            return new RequestedLevel(fromAcrValues.get(), false, RequestedLevel.Source.ACR_VALUES);
        }
        Optional<EidasLevel> voluntary = lowestKnown(stream(voluntaryClaimsAcr));
        if (voluntary.isPresent()) {
            return new RequestedLevel(voluntary.get(), false, RequestedLevel.Source.CLAIMS);
        }
        return clientDefault
                .map(level -> new RequestedLevel(level, false, RequestedLevel.Source.CLIENT_DEFAULT))
                .orElseGet(() -> new RequestedLevel(platformDefault, false, RequestedLevel.Source.PLATFORM_DEFAULT));
    }

    /**
     * Whether an essential {@code acr} request cannot be met at all: it lists values and none of them is a level
     * this broker knows. OpenID Connect Core 5.5.1.1 makes such a request fail
     * ({@code unmet_authentication_requirements}) rather than fall back to a default level.
     */
    public static boolean essentialUnmet(List<String> essentialClaimsAcr) {
        return essentialClaimsAcr != null && !essentialClaimsAcr.isEmpty() && lowestKnown(stream(essentialClaimsAcr)).isEmpty();
    }

    // Every value the SP lists is one it accepts, so the lowest is enough: asking more would push
    // the user towards a stronger, rarer means of identification than the SP needs. Unknown values
    // are ignored rather than refused so an SP listing a foreign scheme's acr still gets served.
    private static Optional<EidasLevel> lowestKnown(Stream<String> values) {
        return values.map(EidasLevel::fromAcr)
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(EidasLevel::loa));
    }

    private static Stream<String> splitAcrValues(String acrValues) {
        return acrValues == null ? Stream.empty() : Arrays.stream(acrValues.strip().split("\\s+"));
    }

    private static Stream<String> stream(List<String> values) {
        return values == null ? Stream.empty() : values.stream();
    }
}
