package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CanonicalPropertyTest {

    @Property(tries = 500)
    void canonicalisingTwiceChangesNothing(@ForAll String name) {
        String canonical = Canonical.name(name);

        assertEquals(canonical, Canonical.name(canonical));
    }

    @Property(tries = 500)
    void canonicalisingARespelledNameChangesNothing(@ForAll("names") Respellings.Name name) {
        String canonical = Canonical.name(name.spelled());

        assertEquals(canonical, Canonical.name(canonical));
    }

    @Property(tries = 500)
    void caseAccentsHyphensApostrophesAndSpacesAreFoldedAway(@ForAll("names") Respellings.Name name) {
        assertEquals(name.canonical(), Canonical.name(name.spelled()));
    }

    @Provide
    Arbitrary<Respellings.Name> names() {
        return Respellings.names();
    }
}
