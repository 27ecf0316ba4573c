package fr.passerelle.loa;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an identity provider may do with levels of assurance.
 *
 * @param assertable     the levels the broker trusts this IdP to assert
 * @param upstreamValues how the IdP's own values (OIDC {@code acr} strings, SAML
 *                       {@code AuthnContextClassRef} URIs) translate into levels; it may name
 *                       levels outside {@code assertable}, so that such answers are recognised
 *                       and capped or refused rather than reported as unknown
 * @param minimum        the level the broker always asks this IdP for, at least
 */
public record IdpLevelPolicy(Set<EidasLevel> assertable, Map<String, EidasLevel> upstreamValues, EidasLevel minimum) {

    private static final Map<String, EidasLevel> EIDAS_SAML_VALUES = Map.of(
            "http://eidas.europa.eu/LoA/low", EidasLevel.LOW,
            "http://eidas.europa.eu/LoA/substantial", EidasLevel.SUBSTANTIAL,
            "http://eidas.europa.eu/LoA/high", EidasLevel.HIGH);

    private static final Comparator<EidasLevel> BY_LOA = Comparator.comparingInt(EidasLevel::loa);

    public IdpLevelPolicy {
        if (assertable == null || assertable.isEmpty()) {
            throw new IllegalArgumentException("an identity provider must be allowed to assert at least one level");
        }
        if (assertable.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the assertable levels contain a null level");
        }
        if (upstreamValues == null || upstreamValues.isEmpty()) {
            throw new IllegalArgumentException("the mapping of upstream values to levels is empty");
        }
        upstreamValues.forEach((value, level) -> {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the level mapping contains a blank upstream value");
            }
            if (level == null) {
                throw new IllegalArgumentException("upstream value '" + value + "' is mapped to no level");
            }
        });
        if (minimum == null) {
            throw new IllegalArgumentException("the minimum level is missing");
        }
        assertable = Collections.unmodifiableSet(EnumSet.copyOf(assertable));
        // Sorted, so that the value picked when several name the same level never depends on
        // the order an operator typed them in.
        upstreamValues = Collections.unmodifiableMap(new TreeMap<>(upstreamValues));

        EidasLevel lowest = lowest(assertable);
        EidasLevel ceiling = highest(assertable);
        if (!minimum.isAtLeast(lowest) || !ceiling.isAtLeast(minimum)) {
            throw new IllegalArgumentException("minimum level " + minimum.acr() + " is outside the assertable levels "
                    + lowest.acr() + " to " + ceiling.acr());
        }
        // A level no upstream value maps to could never be achieved with this IdP, yet the IdP
        // choice page would offer it for that level.
        for (EidasLevel level : assertable) {
            if (!upstreamValues.containsValue(level)) {
                throw new IllegalArgumentException("no upstream value is mapped to assertable level " + level.acr());
            }
        }
    }

    /** The highest level this IdP may assert; anything it claims above is brought down to it. */
    public EidasLevel ceiling() {
        return highest(assertable);
    }

    public boolean canReach(EidasLevel requested) {
        return ceiling().isAtLeast(requested);
    }

    public EidasLevel levelToAsk(EidasLevel requested) {
        return EidasLevel.max(requested, minimum);
    }

    /**
     * The upstream value to ask the IdP for {@code level}: one mapped to exactly that level, or
     * failing that to the lowest mapped level above it, since asking more is safe and asking less
     * is not.
     *
     * @throws IllegalArgumentException when no upstream value is mapped to {@code level} or above
     */
    public String upstreamValueFor(EidasLevel level) {
        return upstreamValues.entrySet().stream()
                .filter(entry -> entry.getValue().isAtLeast(level))
                .min(Map.Entry.<String, EidasLevel>comparingByValue(BY_LOA).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no upstream value is mapped to " + level.acr() + " or above"));
    }

    /**
     * Reads a policy from an identity provider's configuration.
     *
     * @param assertableCsv levels separated by commas, such as {@code eidas1,eidas2}
     * @param mappingSpec   entries {@code upstreamValue=eidasN} separated by {@code ;} or new
     *                      lines; blank for the identity mapping {@code eidas1=eidas1}, ...
     * @param minimumAcr    the level always asked for at least; blank for the lowest assertable
     * @throws IllegalArgumentException naming the faulty part when the configuration is invalid
     */
    public static IdpLevelPolicy parse(String assertableCsv, String mappingSpec, String minimumAcr) {
        Set<EidasLevel> assertable = parseAssertable(assertableCsv);
        Map<String, EidasLevel> mapping = isBlank(mappingSpec) ? identityMapping() : parseMapping(mappingSpec);
        EidasLevel minimum = isBlank(minimumAcr)
                ? lowest(assertable)
                : EidasLevel.fromAcr(minimumAcr).orElseThrow(() -> new IllegalArgumentException(
                        "unknown minimum level '" + minimumAcr.strip() + "', expected " + knownAcrs()));
        return new IdpLevelPolicy(assertable, mapping, minimum);
    }

    /** An eIDAS node or SAML IdP answering with the eIDAS {@code AuthnContextClassRef} URIs. */
    public static IdpLevelPolicy eidasSaml(Set<EidasLevel> assertable) {
        return new IdpLevelPolicy(assertable, EIDAS_SAML_VALUES, lowestOrNull(assertable));
    }

    /** An OpenID Connect IdP answering with the same {@code acr} values as the broker. */
    public static IdpLevelPolicy oidc(Set<EidasLevel> assertable) {
        return new IdpLevelPolicy(assertable, identityMapping(), lowestOrNull(assertable));
    }

    private static Set<EidasLevel> parseAssertable(String assertableCsv) {
        Set<EidasLevel> levels = EnumSet.noneOf(EidasLevel.class);
        for (String acr : split(assertableCsv, "[,\\s]+")) {
            levels.add(EidasLevel.fromAcr(acr).orElseThrow(() -> new IllegalArgumentException(
                    "unknown assertable level '" + acr + "', expected " + knownAcrs())));
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no assertable level given, expected some of " + knownAcrs());
        }
        return levels;
    }

    private static Map<String, EidasLevel> parseMapping(String mappingSpec) {
        Map<String, EidasLevel> mapping = new LinkedHashMap<>();
        for (String entry : split(mappingSpec, "[;\\r\\n]+")) {
            int equals = entry.indexOf('=');
            if (equals < 0 || equals != entry.lastIndexOf('=')) {
                throw new IllegalArgumentException(
                        "level mapping entry '" + entry + "' is not of the form upstreamValue=eidasN");
            }
            String value = entry.substring(0, equals).strip();
            String acr = entry.substring(equals + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("level mapping entry '" + entry + "' has no upstream value");
            }
            EidasLevel level = EidasLevel.fromAcr(acr).orElseThrow(() -> new IllegalArgumentException(
                    "level mapping entry '" + entry + "' names unknown level '" + acr + "', expected " + knownAcrs()));
            EidasLevel previous = mapping.putIfAbsent(value, level);
            if (previous != null && previous != level) {
                throw new IllegalArgumentException("upstream value '" + value + "' is mapped to both "
                        + previous.acr() + " and " + level.acr());
            }
        }
        return mapping;
    }

    private static Map<String, EidasLevel> identityMapping() {
        return Arrays.stream(EidasLevel.values()).collect(Collectors.toMap(EidasLevel::acr, level -> level));
    }

    private static String[] split(String text, String separators) {
        return isBlank(text) ? new String[0] : Arrays.stream(text.strip().split(separators))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toArray(String[]::new);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String knownAcrs() {
        return Arrays.stream(EidasLevel.values()).map(EidasLevel::acr).collect(Collectors.joining(", "));
    }

    private static EidasLevel lowest(Set<EidasLevel> levels) {
        return levels.stream().min(BY_LOA).orElseThrow();
    }

    private static EidasLevel highest(Set<EidasLevel> levels) {
        return levels.stream().max(BY_LOA).orElseThrow();
    }

    // Lets the constructor report an empty set with its own message instead of failing here.
    private static EidasLevel lowestOrNull(Set<EidasLevel> levels) {
        return levels == null ? null : levels.stream().filter(Objects::nonNull).min(BY_LOA).orElse(null);
    }
}
