package fr.passerelle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataScopesTest {

    private final DataScopes demo = new DataScopes(Map.of(
            "dgfip_rfr", "demo-dp", "cnaf_quotient_familial", "demo-dp", "ants_vehicule", "demo-dp-2"));

    @Test
    void aDataProviderIsToldOnlyTheScopesItServes() {
        List<String> granted = DataScopes.parse("openid profile dgfip_rfr ants_vehicule");
        assertEquals(List.of("dgfip_rfr"), demo.servedBy("demo-dp", granted));
        assertEquals(List.of("ants_vehicule"), demo.servedBy("demo-dp-2", granted));
        assertEquals(List.of(), demo.servedBy("unknown-dp", granted));
    }

    @Test
    void identityScopesAreNoDataProvidersBusiness() {
        assertEquals(List.of(), demo.servedBy("demo-dp", DataScopes.parse("openid profile birth identite_pivot")));
        assertFalse(demo.anyDataScope(DataScopes.parse("openid profile birth")));
        assertTrue(demo.anyDataScope(DataScopes.parse("openid cnaf_quotient_familial")));
    }

    @Test
    void requestedDataScopesAreGroupedByProviderInOrderOfFirstAppearance() {
        Map<String, List<String>> groups = demo.byProvider(DataScopes.parse("ants_vehicule profile dgfip_rfr cnaf_quotient_familial dgfip_rfr"));
        assertEquals(List.of("demo-dp-2", "demo-dp"), List.copyOf(groups.keySet()));
        assertEquals(List.of("dgfip_rfr", "cnaf_quotient_familial"), groups.get("demo-dp"));
    }

    @Test
    void blankOrMissingScopeParameterIsNoScope() {
        assertEquals(List.of(), DataScopes.parse(null));
        assertEquals(List.of(), DataScopes.parse("   "));
        assertEquals(List.of("openid", "profile"), DataScopes.parse("  openid   profile "));
    }
}
