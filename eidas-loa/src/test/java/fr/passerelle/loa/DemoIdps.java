package fr.passerelle.loa;

import static fr.passerelle.loa.EidasLevel.HIGH;
import static fr.passerelle.loa.EidasLevel.LOW;
import static fr.passerelle.loa.EidasLevel.SUBSTANTIAL;

import java.util.EnumSet;
import java.util.List;

/** The identity providers of the shipped demo realm, as in the shipped realm export. */
final class DemoIdps {

    static final IdpLevelPolicy IMPOTS_LEVELS = IdpLevelPolicy.oidc(EnumSet.of(LOW));
    static final IdpLevelPolicy IDENTITE_NUMERIQUE_LEVELS = IdpLevelPolicy.oidc(EnumSet.of(LOW, SUBSTANTIAL));
    static final IdpLevelPolicy EIDAS_LEVELS = IdpLevelPolicy.eidasSaml(EnumSet.of(SUBSTANTIAL, HIGH));

    static final String EIDAS_LOW = "http://eidas.europa.eu/LoA/low";
    static final String EIDAS_SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
    static final String EIDAS_HIGH = "http://eidas.europa.eu/LoA/high";

    private DemoIdps() {
    }

    static IdpEntry impots() {
        return new IdpEntry("impots", "Impôts (démo)", false, null, IMPOTS_LEVELS);
    }

    static IdpEntry identiteNumerique() {
        return new IdpEntry("identite-numerique", "Identité Numérique (démo)", false, null, IDENTITE_NUMERIQUE_LEVELS);
    }

    static IdpEntry eidas() {
        return new IdpEntry("eidas", "Citoyen européen — eIDAS (démo)", false, null, EIDAS_LEVELS);
    }

    static List<IdpEntry> all() {
        return List.of(impots(), identiteNumerique(), eidas());
    }
}
