package fr.passerelle.pivot;

import java.nio.charset.StandardCharsets;

/** Secrets for the tests only: a platform's secrets are generated or configured, never written down. */
final class TestSecrets {

    static final VersionedSecret V1 = new VersionedSecret("v1", "passerelle test secret, version one, 32+ bytes".getBytes(StandardCharsets.UTF_8));
    static final VersionedSecret V2 = new VersionedSecret("v2", "passerelle test secret, version two, 32+ bytes".getBytes(StandardCharsets.UTF_8));
    static final VersionedSecret V3 = new VersionedSecret("v3", "passerelle test secret, version three, 32+ bytes".getBytes(StandardCharsets.UTF_8));

    private TestSecrets() {
    }
}
