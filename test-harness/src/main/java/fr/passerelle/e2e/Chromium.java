package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, with Debian's chromedriver; Selenium Manager downloads nothing),
 * with a fresh profile, that saves a full-page screenshot of each step a test names.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final String prefix;
    private int step;

    private Chromium(ChromeDriver driver, Path profile, Path screenshots, String prefix) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
        this.prefix = prefix;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** A browser whose screenshots are saved as {@code <screenshots>/<prefix>-NN-<step>.png}. */
    public static Chromium start(Path screenshots, String prefix, String language) {
        try {
            Files.createDirectories(screenshots);
            Path profile = Files.createTempDirectory("passerelle-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(STEP_TIMEOUT);
            return new Chromium(driver, profile, screenshots, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !findAll(css).isEmpty();
    }

    public void click(String css) {
        find(css).click();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page satisfies the condition (the browser follows redirects and self-posting forms by itself). */
    public void waitUntil(String what, Predicate<Chromium> condition) {
        try {
            new WebDriverWait(driver, STEP_TIMEOUT).until(d -> condition.test(this));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited " + STEP_TIMEOUT.toSeconds() + " s for " + what + "; at " + url() + ":\n" + text(), e);
        }
    }

    public void waitForUrl(String what, String urlPrefix) {
        waitUntil(what + " (" + urlPrefix + ")", b -> b.url().startsWith(urlPrefix) && b.isLoaded());
    }

    private boolean isLoaded() {
        return "complete".equals(driver.executeScript("return document.readyState"));
    }

    /** Saves the whole page (beyond the window) as the next numbered step; returns the file. */
    public Path screenshot(String name) {
        step++;
        Path file = screenshots.resolve(String.format("%s-%02d-%s.png", prefix, step, name));
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 4000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
