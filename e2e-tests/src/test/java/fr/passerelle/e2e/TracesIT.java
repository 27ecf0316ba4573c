package fr.passerelle.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Traces (docs/reference.md, section 7), on the embedded H2 database. */
@ExtendWith(PasserelleServerExtension.class)
class TracesIT {

    @Test
    void marieSignInsAreTracedStepByStepWithoutHerClearIdentity(PasserelleServer server) throws Exception {
        TraceScenario.run(server);
    }
}
