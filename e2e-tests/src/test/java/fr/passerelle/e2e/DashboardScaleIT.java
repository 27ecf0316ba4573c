package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The dashboard holds up for a heavy user: 10,000 data exchanges and 1,000 connections in six months. The rows
 * are written straight into the trace table of the server's H2 database while the server is stopped (with the
 * H2 driver the distribution ships), then the real page is timed over HTTP.
 */
class DashboardScaleIT {

    static final int EXCHANGES = 10_000;
    static final int CONNECTIONS = 1_000;
    /** Credentials of this server's own fresh H2 database, so that the test can open it while the server is stopped. */
    static final String DB_USER = "scale";
    static final String DB_PASSWORD = "scale-test";

    @Test
    void tenThousandExchangesDoNotPushConnectionsOffThePage() throws Exception {
        Path work = Path.of(System.getProperty("passerelle.work.dir"));
        PasserelleServer server = PasserelleServerExtension.startOwn("keycloak-dashboard-scale", Map.of(),
                List.of("--db-username=" + DB_USER, "--db-password=" + DB_PASSWORD));
        try {
            Browser browser = new Browser();
            openSignedIn(server, browser);
            String realmId = server.admin().get("/admin/realms/passerelle").get("id").asText();
            String key = Accounts.identityKeyOf(DemoPeople.MARIE_IMPOTS);

            server.close();
            insertTraces(server.home(), realmId, key);
            server = server.restart();

            Page page = openSignedIn(server, new Browser());
            List<Long> times = new ArrayList<>();
            Browser timed = new Browser();
            openSignedIn(server, timed);
            for (int i = 0; i < 7; i++) {
                long start = System.nanoTime();
                page = timed.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
                times.add((System.nanoTime() - start) / 1_000_000);
            }
            times.sort(Comparator.naturalOrder());
            long median = times.get(times.size() / 2);
            int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;

            List<Element> connections = page.document().select("table[aria-labelledby=connections] tbody tr");
            List<Element> exchanges = page.document().select("table[aria-labelledby=exchanges] tbody tr");
            long connectionCount = connections.stream().mapToLong(r -> Long.parseLong(r.selectFirst("td.count").attr("data-count"))).sum();
            long exchangeCount = exchanges.stream().mapToLong(r -> Long.parseLong(r.selectFirst("td.count").attr("data-count"))).sum();
            assertTrue(connectionCount >= CONNECTIONS, "every connection is counted: " + connectionCount);
            assertEquals(EXCHANGES, exchangeCount, "every exchange is counted");
            assertTrue(connections.stream().anyMatch(r -> r.attr("data-sp").equals("demo-sp-other")), "connections stay on the page");
            assertTrue(exchanges.size() <= 20 && connections.size() <= 20, "a page at a time");

            String figures = String.format("dashboard with %d exchanges + %d connections: median %d ms (of %s), %d bytes, %d connection rows, %d exchange rows%n",
                    EXCHANGES, CONNECTIONS, median, times, bytes, connections.size(), exchanges.size());
            System.out.print(figures);
            Files.writeString(work.resolve("dashboard-scale.txt"), figures);
            assertTrue(median < 2000, figures);
            assertTrue(bytes < 100_000, figures);
        } finally {
            server.close();
        }
    }

    private static Page openSignedIn(PasserelleServer server, Browser browser) {
        Page page = browser.open(server.realmUrl("passerelle") + "/passerelle-dashboard/");
        if (!page.uri().getPath().endsWith("/passerelle-dashboard/")) {
            Page idpLogin = LoginFlow.chooseIdp(browser, page, DemoPeople.MARIE_IMPOTS.idp());
            page = LoginFlow.signInAtIdp(browser, idpLogin, DemoPeople.MARIE_IMPOTS.login(), DemoPeople.PASSWORD);
        }
        assertEquals(200, page.status(), page.text());
        return page;
    }

    /** Spread over the six months: connections to three services through two IdPs, exchanges with two DPs. */
    private static void insertTraces(Path home, String realmId, String identityKey) throws Exception {
        EmbeddedDatabase.with(home, DB_USER, DB_PASSWORD, db -> {
            db.setAutoCommit(false);
            long now = Instant.now().toEpochMilli();
            long span = Duration.ofDays(175).toMillis();
            String[] sps = {"demo-sp", "demo-sp-annex", "demo-sp-other"};
            String[] idps = {"impots", "identite-numerique"};
            try (PreparedStatement insert = db.prepareStatement("insert into PASSERELLE_TRACE (ID, REALM_ID, EVENT, EVENT_TIME,"
                    + " SP_CLIENT_ID, IDP_ALIAS, LEVEL_ACR, SCOPES, DP_CLIENT_ID, SESSION_ID, IDENTITY_KEY) values (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < CONNECTIONS + EXCHANGES; i++) {
                    boolean connection = i < CONNECTIONS;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, realmId);
                    insert.setString(3, connection ? "redirected_to_sp" : "checktoken_ok");
                    insert.setLong(4, now - (i * 7919L % span));
                    insert.setString(5, sps[i % sps.length]);
                    insert.setString(6, connection ? idps[i % idps.length] : null);
                    insert.setString(7, connection ? "eidas1" : null);
                    insert.setString(8, connection ? "openid" : i % 2 == 0 ? "dgfip_rfr" : "dgfip_rfr cnaf_quotient_familial");
                    insert.setString(9, connection ? null : i % 3 == 0 ? "demo-dp-2" : "demo-dp");
                    insert.setString(10, "bench-session-" + (i % 500));
                    insert.setString(11, identityKey);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            return null;
        });
    }
}
