package fr.passerelle.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OnboardingRulesTest {

    private static final RealmFacts REALM = new RealmFacts(Set.of("impots", "eidas"), Set.of("openid", "identite_pivot", "dgfip_rfr"),
            Set.of("demo-sp"));

    private static ServiceDescription sp(String sector, List<String> redirects, List<String> allowed) {
        return new ServiceDescription(ServiceKind.SERVICE_PROVIDER, "mairie-exemple", "Mairie d'Exemple", sector, redirects,
                List.of("https://mairie.example.fr/"), allowed, List.of(), "eidas1", "eidas1", "data-scopes",
                List.of("identite_pivot"), List.of());
    }

    private static ServiceDescription dp(List<DataScope> scopes) {
        return new ServiceDescription(ServiceKind.DATA_PROVIDER, "dp-caf", "CAF", "dp-caf", List.of(), List.of(), List.of(), List.of(),
                null, null, null, List.of(), scopes);
    }

    private static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    @Test
    void aWellFormedSpAndDpPass() {
        assertEquals(List.of(), OnboardingRules.checkRegistration(sp("mairie-exemple", List.of("https://mairie.example.fr/callback"), List.of("impots")), REALM));
        assertEquals(List.of(), OnboardingRules.checkRegistration(dp(List.of(new DataScope("caf_droits", "Droits CAF", "Vos droits CAF"))), REALM));
    }

    @Test
    void wildcardRedirectsAreRefusedWhereverTheStarIs() {
        for (String uri : List.of("https://mairie.example.fr/*", "https://*.example.fr/callback", "*", "https://mairie.example.fr/cb?x=*")) {
            assertEquals(List.of("redirect-wildcard"), codes(OnboardingRules.checkRegistration(sp("s", List.of(uri), List.of()), REALM)), uri);
        }
    }

    @Test
    void plainHttpOnlyForLoopbackAndNoRelativeOrFragmentUri() {
        assertEquals(List.of("redirect-not-https"), codes(OnboardingRules.checkRegistration(sp("s", List.of("http://mairie.example.fr/cb"), List.of()), REALM)));
        assertEquals(List.of(), codes(OnboardingRules.checkRegistration(sp("s", List.of("http://localhost:8081/cb"), List.of()), REALM)));
        assertEquals(List.of("redirect-invalid"), codes(OnboardingRules.checkRegistration(sp("s", List.of("/callback"), List.of()), REALM)));
        assertEquals(List.of("redirect-invalid"), codes(OnboardingRules.checkRegistration(sp("s", List.of("https://m.example.fr/cb#x"), List.of()), REALM)));
        assertEquals(List.of("redirect-missing"), codes(OnboardingRules.checkRegistration(sp("s", List.of(), List.of()), REALM)));
    }

    @Test
    void unknownIdpsAndAMissingSectorAreRefused() {
        assertEquals(List.of("idp-unknown"), codes(OnboardingRules.checkRegistration(sp("s", List.of("https://m.example.fr/cb"), List.of("france-connect")), REALM)));
        assertEquals(List.of("sector-missing"), codes(OnboardingRules.checkRegistration(sp(" ", List.of("https://m.example.fr/cb"), List.of()), REALM)));
        assertEquals(List.of("sector-missing"), codes(OnboardingRules.checkRegistration(sp(null, List.of("https://m.example.fr/cb"), List.of()), REALM)));
    }

    @Test
    void levelsMustBeEidasLevelsWithTheDefaultNotBelowTheMinimum() {
        ServiceDescription bad = new ServiceDescription(ServiceKind.SERVICE_PROVIDER, "x-sp", "X", "x", List.of("https://x.example.fr/cb"),
                List.of(), List.of(), List.of(), "eidas1", "eidas2", "remember", List.of(), List.of());
        assertEquals(List.of("level-default-below-minimum"), codes(OnboardingRules.checkRegistration(bad, REALM)));
        ServiceDescription unknown = new ServiceDescription(ServiceKind.SERVICE_PROVIDER, "x-sp", "X", "x", List.of("https://x.example.fr/cb"),
                List.of(), List.of(), List.of(), "substantial", null, "sometimes", List.of("nope"), List.of());
        assertEquals(List.of("level-invalid", "consent-invalid", "scope-unknown"), codes(OnboardingRules.checkRegistration(unknown, REALM)));
    }

    @Test
    void anExistingClientIdOrADpWithoutNewDataScopesIsRefused() {
        ServiceDescription taken = new ServiceDescription(ServiceKind.SERVICE_PROVIDER, "demo-sp", "X", "x", List.of("https://x.example.fr/cb"),
                List.of(), List.of(), List.of(), null, null, null, List.of(), List.of());
        assertEquals(List.of("client-exists"), codes(OnboardingRules.checkRegistration(taken, REALM)));
        assertEquals(List.of("data-scopes-missing"), codes(OnboardingRules.checkRegistration(dp(List.of()), REALM)));
        assertEquals(List.of("data-scope-exists"), codes(OnboardingRules.checkRegistration(dp(List.of(new DataScope("dgfip_rfr", "d", "t"))), REALM)));
        assertTrue(codes(OnboardingRules.checkRegistration(dp(List.of(new DataScope("Bad Name", "d", ""))), REALM))
                .containsAll(List.of("data-scope-invalid", "consent-text-missing")));
    }

    @Test
    void aDataProviderHasNoRedirectUri() {
        ServiceDescription withRedirect = new ServiceDescription(ServiceKind.DATA_PROVIDER, "dp-x", "X", "dp-x", List.of("https://x.example.fr/cb"),
                List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(new DataScope("x_data", "d", "t")));
        assertEquals(List.of("not-for-data-provider"), codes(OnboardingRules.checkRegistration(withRedirect, REALM)));
    }
}
