package fr.passerelle.loa.keycloak;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code amr} of a login, as the JSON array the broker's {@code amr} scope emits from a user session note. */
public final class AmrClaim {

    private AmrClaim() {
    }

    /**
     * @param configured method names separated by commas or blanks, such as {@code pwd,otp}
     * @return the JSON array, empty when nothing usable is configured; names other than letters,
     *         digits, '-' and '_' are dropped, as no RFC 8176 value needs them
     */
    public static Optional<String> toJsonArray(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        String items = Arrays.stream(configured.strip().split("[,\\s]+"))
                .filter(name -> name.matches("[A-Za-z0-9_-]+"))
                .distinct()
                .map(name -> "\"" + name + "\"")
                .collect(Collectors.joining(","));
        return items.isEmpty() ? Optional.empty() : Optional.of("[" + items + "]");
    }
}
