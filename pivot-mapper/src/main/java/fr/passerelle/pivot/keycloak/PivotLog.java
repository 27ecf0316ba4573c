package fr.passerelle.pivot.keycloak;

import org.jboss.logging.Logger;

/** The pivot module's log category; never personal values in it. */
final class PivotLog {

    static final Logger LOG = Logger.getLogger("fr.passerelle.pivot");

    private PivotLog() {
    }
}
