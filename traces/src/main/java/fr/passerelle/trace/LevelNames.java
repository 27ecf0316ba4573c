package fr.passerelle.trace;

import java.util.Map;

/** The acr value of a numeric level of authentication, read back through the realm's acr-to-LoA map. */
public final class LevelNames {

    private LevelNames() {
    }

    /**
     * @param level  Keycloak's level of authentication (negative when none)
     * @param loaMap the realm's {@code acr.loa.map}, acr value to level
     * @return the lowest-sorting acr value mapped to that level, or null
     */
    public static String acr(int level, Map<String, Integer> loaMap) {
        if (level < 0 || loaMap == null) {
            return null;
        }
        return loaMap.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() == level)
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElse(null);
    }

    /**
     * @param storedLevel the level as Keycloak stores it in a session note (a decimal number), or null
     * @param loaMap      the realm's {@code acr.loa.map}
     * @return its acr value, or null when there is none or the note is not a number
     */
    public static String acrOfNote(String storedLevel, Map<String, Integer> loaMap) {
        if (storedLevel == null) {
            return null;
        }
        try {
            return acr(Integer.parseInt(storedLevel.strip()), loaMap);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
