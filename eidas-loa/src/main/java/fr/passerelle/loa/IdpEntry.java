package fr.passerelle.loa;

import java.util.Objects;

/**
 * An identity provider as the IdP choice page sees it.
 *
 * @param displayName        the name shown to people; the alias when none is configured
 * @param hidden             left off the page entirely
 * @param maintenanceMessage shown instead of letting people pick the IdP; null or blank when the
 *                           IdP is not in maintenance
 */
public record IdpEntry(String alias, String displayName, boolean hidden, String maintenanceMessage,
                       IdpLevelPolicy policy) {

    public IdpEntry {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("an identity provider needs an alias");
        }
        Objects.requireNonNull(policy, "policy");
        if (displayName == null || displayName.isBlank()) {
            displayName = alias;
        }
        if (maintenanceMessage != null && maintenanceMessage.isBlank()) {
            maintenanceMessage = null;
        }
    }

    public boolean inMaintenance() {
        return maintenanceMessage != null;
    }
}
