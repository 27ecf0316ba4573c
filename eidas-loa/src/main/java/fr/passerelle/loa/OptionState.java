package fr.passerelle.loa;

/** Whether an identity provider can be picked on the IdP choice page, and if not, why. */
public enum OptionState {
    AVAILABLE,
    MAINTENANCE,
    LEVEL_UNREACHABLE,
    EXCLUDED_FOR_SP,
    /** Not on the page at all: an alias the realm does not have, or a hidden IdP. */
    UNKNOWN
}
