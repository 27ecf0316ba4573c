package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A scheduled IdP maintenance (IdP settings passerelle.maintenance-start, -end, -message) on the choice page:
 * announced before, in force during (the IdP cannot be picked, not even by a crafted choice), gone after, without
 * anyone acting. The window is read from the IdP's configuration at each page, so every node shows the same.
 */
@ExtendWith(PasserelleServerExtension.class)
class IdpMaintenanceIT {

    private static final String MESSAGE = "Mise à jour du service des impôts.";
    private static final ZoneOffset PARIS_WINTER = ZoneOffset.ofHours(1);

    @Test
    void aWindowAheadIsAnnouncedAndTheIdpStaysSelectable(PasserelleServer server) {
        OffsetDateTime start = now().plusDays(1);
        try (Window ignored = Window.set(server, start, start.plusHours(4), MESSAGE)) {
            Page choice = choicePage(server);
            assertEquals("AVAILABLE", state(choice));
            assertTrue(choice.has("a[data-idp=impots]"), "still selectable");
            Element announcement = choice.document().selectFirst("#passerelle-idp-announcement-impots");
            assertTrue(announcement != null, choice.text());
            assertTrue(announcement.text().contains("Maintenance prévue du " + day(start)), announcement.text());
            assertTrue(announcement.text().contains(MESSAGE), announcement.text());
        }
    }

    @Test
    void duringTheWindowTheIdpIsDisabledWithTheMessageAndACraftedChoiceIsRefused(PasserelleServer server) {
        try (Window ignored = Window.set(server, now().minusHours(1), now().plusHours(1), MESSAGE)) {
            Browser browser = LoginFlow.newBrowser();
            Page choice = browser.open(ServiceProvider.demoSp(server).authorize("openid").url());
            assertEquals("MAINTENANCE", state(choice));
            assertFalse(choice.has("a[data-idp=impots]"));
            assertTrue(choice.document().selectFirst("#passerelle-idp-impots").text().contains(MESSAGE));
            assertFalse(choice.has("#passerelle-idp-announcement-impots"));

            String action = choice.uri().resolve(choice.document().selectFirst("a[data-idp=identite-numerique]").attr("href")).toString()
                    .replace("&passerelle_idp=identite-numerique", "");
            Page crafted = browser.post(action, Map.of("passerelle_idp", "impots"));
            assertTrue(crafted.has("#passerelle-idp-choice"), "back on the choice page: " + crafted.uri());
            assertFalse(crafted.uri().getPath().contains("idp-impots"), crafted.uri().toString());
        }
    }

    @Test
    void theWindowLiftsByItselfWhenItEnds(PasserelleServer server) throws InterruptedException {
        OffsetDateTime end = now().plusSeconds(6);
        try (Window ignored = Window.set(server, now().minusMinutes(5), end, MESSAGE)) {
            assertEquals("MAINTENANCE", state(choicePage(server)));
            Instant deadline = end.toInstant().plus(Duration.ofSeconds(20));
            String state = "MAINTENANCE";
            while (state.equals("MAINTENANCE") && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                state = state(choicePage(server));
            }
            assertEquals("AVAILABLE", state, "lifted with no change to the configuration");
            assertFalse(Instant.now().isBefore(end.toInstant()), "not before the end");
        }
    }

    @Test
    void aPastWindowLeavesNoTrace(PasserelleServer server) {
        try (Window ignored = Window.set(server, now().minusDays(2), now().minusDays(1), MESSAGE)) {
            Page choice = choicePage(server);
            assertEquals("AVAILABLE", state(choice));
            assertFalse(choice.text().contains(MESSAGE), choice.text());
        }
    }

    private static Page choicePage(PasserelleServer server) {
        return LoginFlow.newBrowser().open(ServiceProvider.demoSp(server).authorize("openid").url());
    }

    private static String state(Page choice) {
        return choice.document().selectFirst("#passerelle-idp-impots").attr("data-idp-state");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(PARIS_WINTER).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String day(OffsetDateTime time) {
        return String.format("%02d/%02d/%d", time.getDayOfMonth(), time.getMonthValue(), time.getYear());
    }

    /** The window set on impots for one test; the three settings cleared after it (an omitted key would stay). */
    record Window(PasserelleServer server, JsonNode original) implements AutoCloseable {
        static Window set(PasserelleServer server, OffsetDateTime start, OffsetDateTime end, String message) {
            JsonNode original = server.admin().identityProvider("passerelle", "impots");
            ObjectNode changed = original.deepCopy();
            ((ObjectNode) changed.get("config")).put("passerelle.maintenance-start", start.toString())
                    .put("passerelle.maintenance-end", end.toString()).put("passerelle.maintenance-message", message);
            server.admin().updateIdentityProvider("passerelle", changed);
            return new Window(server, original);
        }

        @Override
        public void close() {
            ObjectNode restored = original.deepCopy();
            ObjectNode config = (ObjectNode) restored.get("config");
            config.put("passerelle.maintenance-start", "").put("passerelle.maintenance-end", "")
                    .put("passerelle.maintenance-message", original.get("config").path("passerelle.maintenance-message").asText(""));
            server.admin().updateIdentityProvider("passerelle", restored);
        }
    }
}
