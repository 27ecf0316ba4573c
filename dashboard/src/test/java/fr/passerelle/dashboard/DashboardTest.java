package fr.passerelle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.passerelle.names.TraceEvent;
import fr.passerelle.trace.TraceRecord;

class DashboardTest {

    private static final Instant NOW = Instant.parse("2026-09-15T12:00:00Z");

    private static TraceRecord login(String idp, String time) {
        return TraceRecord.of(TraceEvent.REDIRECTED_TO_SP, Instant.parse(time)).withSp("demo-sp").withIdp(idp).withLevel("eidas1");
    }

    @Test
    void connectionsAreNewestFirst() {
        Dashboard dashboard = Dashboard.of(List.of(login("impots", "2026-09-01T10:00:00Z"), login("identite-numerique", "2026-09-10T10:00:00Z")), NOW);

        assertEquals(List.of("identite-numerique", "impots"), dashboard.connections().stream().map(Dashboard.Connection::idp).toList());
    }

    @Test
    void onlyTheLastSixMonthsAreShown() {
        Dashboard dashboard = Dashboard.of(List.of(login("impots", "2026-03-15T11:59:59Z"), login("impots", "2026-03-15T12:00:00Z")), NOW);

        assertEquals(1, dashboard.connections().size());
        assertEquals(Instant.parse("2026-03-15T12:00:00Z"), dashboard.connections().get(0).time());
    }

    @Test
    void checktokensAreDataExchangesWithTheirData() {
        TraceRecord check = TraceRecord.of(TraceEvent.CHECKTOKEN_OK, Instant.parse("2026-09-14T10:00:00Z"))
                .withDp("demo-dp").withSp("demo-sp").withScopes("dgfip_rfr cnaf_quotient_familial");
        TraceRecord token = TraceRecord.of(TraceEvent.SP_TOKEN, Instant.parse("2026-09-14T09:00:00Z")).withSp("demo-sp");

        Dashboard dashboard = Dashboard.of(List.of(check, token), NOW);

        assertEquals(List.of(), dashboard.connections());
        assertEquals(List.of(new Dashboard.DataExchange("demo-dp", "demo-sp", List.of("dgfip_rfr", "cnaf_quotient_familial"), check.time())),
                dashboard.exchanges());
    }
}
