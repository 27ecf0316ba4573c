package fr.passerelle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

class DashboardTest {

    private static final Instant NOW = Instant.parse("2026-09-15T12:00:00Z");

    @Test
    void theWindowIsSixCalendarMonths() {
        assertEquals(Instant.parse("2026-03-15T12:00:00Z"), Dashboard.since(NOW));
    }

    @Test
    void connectionsAreSpRedirectsAndExchangesAreCheckedTokens() {
        assertEquals(List.of("redirected_to_sp"), Dashboard.connectionEvents());
        assertEquals(List.of("checktoken_ok"), Dashboard.exchangeEvents());
    }

    @Test
    void anExchangeGroupListsItsData() {
        Dashboard.ExchangeGroup group = Dashboard.ExchangeGroup.of("demo-dp", "demo-sp", "dgfip_rfr cnaf_quotient_familial", 3, NOW, NOW);
        assertEquals(List.of("dgfip_rfr", "cnaf_quotient_familial"), group.data());
        assertEquals(List.of(), Dashboard.ExchangeGroup.of("demo-dp", "demo-sp", null, 1, NOW, NOW).data());
    }

    @Test
    void aPageOutOfRangeIsTheNearestOne() {
        List<Integer> all = IntStream.range(0, 45).boxed().toList();
        assertEquals(List.of(40, 41, 42, 43, 44), Dashboard.Page.of(all, 99, 20).rows());
        assertEquals(3, Dashboard.Page.of(all, 99, 20).number());
        assertEquals(List.of(0, 1), Dashboard.Page.of(all, -5, 2).rows());
        assertEquals(1, Dashboard.Page.of(List.of(), 1, 20).pages());
    }

    @Property
    void pagesCoverEveryRowOnce(@ForAll @IntRange(max = 200) int size, @ForAll @IntRange(min = 1, max = 30) int pageSize) {
        List<Integer> all = IntStream.range(0, size).boxed().toList();
        int pages = Dashboard.Page.of(all, 1, pageSize).pages();
        List<Integer> seen = IntStream.rangeClosed(1, pages).boxed()
                .flatMap(p -> Dashboard.Page.of(all, p, pageSize).rows().stream()).toList();
        assertEquals(all, seen);
    }
}
