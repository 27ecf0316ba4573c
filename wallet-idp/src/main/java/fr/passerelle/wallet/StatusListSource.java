package fr.passerelle.wallet;

import java.io.IOException;

/** Fetches a Token Status List by its URI; the Keycloak shell uses Keycloak's HTTP client. */
@FunctionalInterface
public interface StatusListSource {

    /**
     * @return the status list token (a compact JWT of type {@code statuslist+jwt})
     * @throws IOException when it cannot be fetched
     */
    String fetch(String uri) throws IOException;
}
