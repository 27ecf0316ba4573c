package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The "passerelle-service" tab of Keycloak's admin console, used as an operator uses it, in a real headless
 * Chromium: sign in to the console, open a client, its tab, set the sector, the allowed identity providers and the
 * levels, save; the settings are read back through the admin REST API. A value the rules refuse is not saved and
 * the console shows why. Screenshots under {@code target/screenshots/console-*}.
 */
@ExtendWith(PasserelleServerExtension.class)
class AdminConsoleTabBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("passerelle.work.dir", "target"), "screenshots");
    private static final String CLIENT_ID = "console-tab-sp";

    @Test
    void anOperatorSetsAServicesSettingsInTheConsoleTabAndARefusedValueShowsWhy(PasserelleServer server) throws IOException {
        assumeTrue(Chromium.isInstalled(), "Chromium and chromedriver are not installed at " + Chromium.BINARY + ", " + Chromium.DRIVER);
        String uuid = createClient(server);
        try (Chromium browser = Chromium.start(SCREENSHOTS, "console", "en")) {
            try {
                browser.open(server.baseUrl() + "/admin/master/console/#/passerelle/clients/" + uuid + "/settings");
                browser.waitUntil("the admin console's sign-in form", b -> b.has("#username") && b.has("#password"));
                browser.type("#username", PasserelleServer.ADMIN_USER);
                browser.type("#password", PasserelleServer.ADMIN_PASSWORD);
                browser.screenshot("sign-in");
                browser.click("#kc-login");

                browser.waitUntil("the client's page with the passerelle-service tab", b -> !tabs(b).isEmpty());
                browser.screenshot("client");
                tabs(browser).get(0).click();
                browser.waitUntil("the tab's form", b -> !inputs(b, "sector", "Sector").isEmpty());
                browser.screenshot("tab-opened");

                // A value the rules refuse: an identity provider the realm does not have.
                type(browser, "sector", "Sector", "console-sector");
                type(browser, "allowedIdps0", "Allowed identity providers", "nowhere");
                save(browser);
                browser.waitUntil("the console's refusal", b -> b.text().contains("no identity provider nowhere"));
                browser.screenshot("refused-unknown-idp");
                assertEquals("", attributes(server).path("passerelle.sector").asText(), "nothing saved");

                type(browser, "allowedIdps0", "Allowed identity providers", "impots");
                choose(browser, "defaultLevel", "Default level", "eidas2");
                choose(browser, "minimumLevel", "Minimum level", "eidas2");
                browser.screenshot("tab-filled");
                save(browser);
                browser.waitUntil("the settings saved", b -> "console-sector".equals(attributes(server).path("passerelle.sector").asText()));
                browser.screenshot("saved");
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(SCREENSHOTS.resolve("console-failure.html"), browser.driver().getPageSource());
                browser.screenshot("failure");
                throw e;
            }
        }
        JsonNode attributes = attributes(server);
        assertEquals("console-sector", attributes.get("passerelle.sector").asText());
        assertEquals("impots", attributes.get("passerelle.idp-allow").asText());
        assertEquals("eidas2", attributes.get("passerelle.default-level").asText());
        assertEquals("eidas2", attributes.get("passerelle.minimum-level").asText());
    }

    private static List<WebElement> tabs(Chromium browser) {
        // The console draws the tab as a link of the client's tab bar, titled with the tab's id.
        return browser.driver().findElements(By.xpath("//*[@role='tab' or self::a][normalize-space(.)='passerelle-service']"));
    }

    private static void save(Chromium browser) {
        WebElement save = browser.driver().findElement(By.xpath(
                "//*[@data-testid='save' or (self::button and normalize-space(.)='Save')][not(@disabled)]"));
        save.click();
    }

    /** The field's input or text area: by the id the console gives it, else the first one of the form group with that label. */
    private static List<WebElement> inputs(Chromium browser, String id, String label) {
        List<WebElement> byId = browser.driver().findElements(By.xpath("//*[self::input or self::textarea][@id='" + id
                + "' or @data-testid='" + id + "' or @data-testid='config." + id + "']"));
        return byId.isEmpty() ? browser.driver().findElements(By.xpath(group(label) + "//*[self::input or self::textarea]")) : byId;
    }

    private static String group(String label) {
        return "//div[contains(@class,'form__group')][.//label[normalize-space(.)='" + label + "' or .//*[normalize-space(.)='" + label + "']]]";
    }

    /** Replaces the field's value as a person does (select all, type), so that the console's own state follows. */
    private static void type(Chromium browser, String id, String label, String text) {
        WebElement input = inputs(browser, id, label).get(0);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** Opens a list field's menu (the console's select) and picks the option. */
    private static void choose(Chromium browser, String id, String label, String option) {
        List<WebElement> byId = browser.driver().findElements(By.xpath("//*[@id='" + id + "'][self::button or @role='button' or contains(@class,'toggle')]"));
        WebElement toggle = byId.isEmpty() ? browser.driver().findElement(By.xpath(group(label) + "//button")) : byId.get(0);
        toggle.click();
        browser.waitUntil("the options of " + label, b -> !options(b, option).isEmpty());
        options(browser, option).get(0).click();
    }

    private static List<WebElement> options(Chromium browser, String option) {
        return browser.driver().findElements(By.xpath("//*[@role='option'][normalize-space(.)='" + option + "']"));
    }

    private static String createClient(PasserelleServer server) {
        JsonNode existing = server.admin().get("/admin/realms/passerelle/clients?clientId=" + CLIENT_ID);
        if (existing.isEmpty()) {
            server.admin().post("/admin/realms/passerelle/clients", Map.of("clientId", CLIENT_ID, "name", "Service du test de la console",
                    "protocol", "openid-connect", "publicClient", false, "redirectUris", List.of(ServiceProvider.REDIRECT_URI)));
        }
        return server.admin().clientByClientId("passerelle", CLIENT_ID).get("id").asText();
    }

    private static JsonNode attributes(PasserelleServer server) {
        return server.admin().clientByClientId("passerelle", CLIENT_ID).path("attributes");
    }
}
