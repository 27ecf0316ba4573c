package fr.passerelle.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §7 traces, on the embedded H2 database. */
@ExtendWith(PasserelleServerExtension.class)
class TracesIT {

    @Test
    void marieSignInsAreTracedStepByStepWithoutHerClearIdentity(PasserelleServer server) throws Exception {
        TraceScenario.run(server);
    }
}
