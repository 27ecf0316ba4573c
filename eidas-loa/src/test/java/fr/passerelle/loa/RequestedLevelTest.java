package fr.passerelle.loa;

import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.passerelle.loa.RequestedLevel.Source;

class RequestedLevelTest {

    @Test
    void aRequestBelowTheSpMinimumIsRaisedToIt() {
        assertEquals(new RequestedLevel(SUBSTANTIAL, false, Source.CLIENT_MINIMUM),
                new RequestedLevel(LOW, false, Source.ACR_VALUES).atLeast(Optional.of(SUBSTANTIAL)));
    }

    @Test
    void aRequestAtOrAboveTheMinimumOrWithoutMinimumIsKept() {
        RequestedLevel high = new RequestedLevel(HIGH, true, Source.CLAIMS);
        assertEquals(high, high.atLeast(Optional.of(SUBSTANTIAL)));
        RequestedLevel substantial = new RequestedLevel(SUBSTANTIAL, false, Source.CLIENT_DEFAULT);
        assertEquals(substantial, substantial.atLeast(Optional.of(SUBSTANTIAL)));
        assertEquals(substantial, substantial.atLeast(Optional.empty()));
    }
}
