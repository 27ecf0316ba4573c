package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the demo apps (SP or DP) run from its built jar with plain {@code java -jar}, as the start command
 * runs it, and stopped by its process id.
 */
public final class DemoApp implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final Path log;
    private final Process process;

    private DemoApp(String url, Path log, Process process) {
        this.url = url;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java -jar <jar>} with these settings in its environment and waits for its {@code /health}. */
    public static DemoApp start(String jarProperty, String url, Map<String, String> environment, Path log) {
        Path jar = Path.of(required(jarProperty));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run the build (mvn verify) from the project root");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            DemoApp app = new DemoApp(url, log, builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url + "/health");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + " exited with " + process.exitValue() + "; see " + log + ":\n" + logText());
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(url + " not ready after " + READY_TIMEOUT + "; see " + log);
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }
}
