package fr.passerelle.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Marie Éloïse           | MARIE ELOISE",
        "MARIE ELOISE           | MARIE ELOISE",
        "Éloïse-Marie           | ELOISE MARIE",
        "D'ARTAGNAN             | D ARTAGNAN",
        "d’Artagnan             | D ARTAGNAN",
        "Jean‐Baptiste          | JEAN BAPTISTE",
        "Jean – Baptiste        | JEAN BAPTISTE",
        "N`Diaye                | N DIAYE",
        "N´Diaye                | N DIAYE",
        "Nʼdiaye                | N DIAYE",
        "García López           | GARCIA LOPEZ",
        "Straße                 | STRASSE",
        "STRAẞE                 | STRASSE",
        "Lætitia                | LAETITIA",
        "Œdipe                  | OEDIPE",
        "Søren                  | SOREN",
        "Łukasz                 | LUKASZ",
        "Đoković                | DOKOVIC",
        "Ελένη                  | ΕΛΕΝΗ",
        "Ｍａｒｉｅ             | MARIE"})
    void spellingsOfOneNameFoldToOneForm(String name, String canonical) {
        assertEquals(canonical, Canonical.name(name));
    }

    @Test
    void decomposedAccentsAndUnusualSpacesFoldLikeTheirUsualForms() {
        assertEquals("MARIE ELOISE", Canonical.name("\u00A0marie\u202F\u2003 e\u0301loi\u0308se\t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"㎡", "ᾳ", "ǅ", "ŉ", "ΐ", "ǰ", "ﬃ", "ı", "ſ", "µ", "ß", "İ", "Ꭰꭰ"})
    void charactersWhoseCaseOrDecompositionIsUnusualReachAFixedPoint(String name) {
        String canonical = Canonical.name(name);

        assertEquals(canonical, Canonical.name(canonical));
    }
}
