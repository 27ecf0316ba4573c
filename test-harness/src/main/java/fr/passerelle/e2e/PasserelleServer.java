package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The assembled Passerelle server (Keycloak with the suite, the shipped realms imported), run as a
 * real process on free loopback ports. One instance serves the whole test run.
 */
public final class PasserelleServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private final Process process;
    private final ProcessBuilder builder;
    private final AdminApi admin;

    private PasserelleServer(Path home, Path log, int httpPort, int managementPort, Process process, ProcessBuilder builder) {
        this.home = home;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.process = process;
        this.builder = builder;
        this.admin = new AdminApi(baseUrl(), ADMIN_USER, ADMIN_PASSWORD);
    }

    /**
     * Copies the assembled distribution (hard links, so it is quick and leaves the original untouched),
     * stages the shipped realms, starts it and waits until it is ready.
     */
    public static PasserelleServer start(Path assembled, Path workDir, Map<String, String> extraEnv, List<String> extraArgs) {
        return start(assembled, workDir, "keycloak-e2e", extraEnv, extraArgs);
    }

    /** A server of its own (its own copy, database and log, named {@code name}), for tests that stop and restart it. */
    public static PasserelleServer start(Path assembled, Path workDir, String name, Map<String, String> extraEnv, List<String> extraArgs) {
        Path home = workDir.resolve(name);
        List<String> db = List.of("--db-url=jdbc:h2:file:" + home.resolve("data/h2/keycloakdb") + ";NON_KEYWORDS=VALUE");
        return launch(assembled, home, workDir.resolve(name + ".log"), null, db, extraEnv, extraArgs);
    }

    /**
     * Stops this server and starts it again on the same copy, database and ports (the realms already imported are
     * kept), as an operator's restart would; returns the new process's server.
     */
    public PasserelleServer restart() {
        return restart(List.of());
    }

    /**
     * The same restart with more server options, as an operator changing options (a new secret version, say) would:
     * an option given again replaces its earlier value; the others stay.
     */
    public PasserelleServer restart(List<String> moreOptions) {
        close();
        for (String option : moreOptions) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option;
            builder.command().removeIf(given -> given.equals(option) || given.startsWith(name));
            builder.command().add(option);
        }
        try {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            PasserelleServer server = new PasserelleServer(home, log, httpPort, managementPort, builder.start(), builder);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same server on a PostgreSQL database: a copy of the assembled distribution rebuilt with the same
     * build options but {@code --db=postgres} (the build rewrites {@code lib/quarkus}, so the copy owns its
     * {@code lib/} files instead of sharing them by hard link).
     */
    public static PasserelleServer startOnPostgres(Path assembled, Path workDir, String buildOptions, String jdbcUrl, String user, String password) {
        Path home = workDir.resolve("keycloak-e2e-postgres");
        List<String> build = new ArrayList<>();
        for (String option : buildOptions.trim().split("\\s+")) {
            build.add(option.startsWith("--db=") ? "--db=postgres" : option);
        }
        List<String> db = List.of("--db-url=" + jdbcUrl, "--db-username=" + user, "--db-password=" + password);
        return launch(assembled, home, workDir.resolve("keycloak-e2e-postgres.log"), build, db,
                Map.of("PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL), List.of());
    }

    private static PasserelleServer launch(Path assembled, Path home, Path log, List<String> rebuildOptions, List<String> dbArgs,
                                           Map<String, String> extraEnv, List<String> extraArgs) {
        if (!Files.isRegularFile(assembled.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No assembled server at " + assembled + ": run the build (mvn verify) from the project root");
        }
        try {
            deleteTree(home);
            linkTree(assembled, home, rebuildOptions != null);
            if (rebuildOptions != null) {
                rebuild(home, log, rebuildOptions);
            }
            return run(home, log, rebuildOptions != null, freePort(), dbArgs, extraEnv, extraArgs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The assembled server in its own copy, importing another set of realms than the demo one (e.g. exactly the
     * production set the image receives), on a fresh embedded database.
     */
    public static PasserelleServer startWithRealms(Path assembled, Path workDir, String name, Path realms) {
        Path home = workDir.resolve("keycloak-" + name);
        try {
            deleteTree(home);
            linkTree(assembled, home, false);
            Path imports = home.resolve("data/import");
            deleteTree(imports);
            Files.createDirectories(imports);
            try (Stream<Path> files = Files.list(realms)) {
                for (Path file : files.toList()) {
                    Files.copy(file, imports.resolve(file.getFileName().toString()));
                }
            }
            return run(home, workDir.resolve("keycloak-" + name + ".log"), false, freePort(),
                    List.of("--db-url=jdbc:h2:file:" + home.resolve("data/h2/keycloakdb") + ";NON_KEYWORDS=VALUE"), Map.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a distribution another start already prepared (linked, and rebuilt if need be) on the given HTTP
     * port: e.g. the same PostgreSQL build on a restored copy of its database, after the first server was stopped,
     * on the first server's port, which the imported realms name.
     */
    static PasserelleServer startPrepared(Path home, Path log, int httpPort, List<String> dbArgs, Map<String, String> extraEnv) {
        try {
            return run(home, log, false, httpPort, dbArgs, extraEnv, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PasserelleServer run(Path home, Path log, boolean appendLog, int httpPort, List<String> dbArgs,
                                        Map<String, String> extraEnv, List<String> extraArgs) throws IOException {
        // The management port is found free just before the start, and another process may take it in between:
        // such a start is tried again on another port (three times at most).
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(home, log, appendLog, httpPort, dbArgs, extraEnv, extraArgs);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !Files.readString(log).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static PasserelleServer runOnce(Path home, Path log, boolean appendLog, int httpPort, List<String> dbArgs,
                                            Map<String, String> extraEnv, List<String> extraArgs) throws IOException {
        int managementPort = freePort();
        String baseUrl = "http://127.0.0.1:" + httpPort;

        List<String> command = new ArrayList<>(List.of(
                "bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort, "--http-management-host=127.0.0.1",
                "--hostname-strict=false", "--import-realm",
                "--log-level=INFO,fr.passerelle:DEBUG",
                PlatformSecrets.identityKeyOption(PlatformSecrets.IDENTITY_KEY_V1)));
        command.addAll(dbArgs);
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("PASSERELLE_URL", baseUrl);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        PasserelleServer server = new PasserelleServer(home, log, httpPort, managementPort, process, builder);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitReady();
        return server;
    }

    private static void rebuild(Path home, Path log, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(options);
        Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build " + options + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The management interface (health, metrics), on its own loopback port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public AdminApi admin() {
        return admin;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        if (!waitUntilReady("Keycloak", process, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), log, READY_TIMEOUT)) {
            close();
            throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT + "; see " + log);
        }
    }

    /**
     * Polls a Keycloak process's readiness endpoint until it answers 200 (true) or the time is up (false);
     * fails at once when the process has exited.
     */
    static boolean waitUntilReady(String name, Process process, URI ready, Path log, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        return false;
    }

    /** Stops the server process (and anything it started) by its id. */
    @Override
    public synchronized void close() {
        ProcessHandle handle = process.toHandle();
        if (!handle.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Waits; an interruption is kept for the caller and ends the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Mirrors a distribution (the assembled server, or a cluster build of it) with hard links, except its database,
     * which each run starts afresh, the scripts, and, when the copy is to be rebuilt or run from a rebuilt copy, its
     * {@code lib/} and {@code conf/} files (the big dependency jars of {@code lib/lib} stay links).
     */
    static void linkTree(Path from, Path to, boolean ownLib) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                if (relative.startsWith("data/h2") || relative.startsWith("data/tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                boolean rebuilt = ownLib && (file.startsWith(from.resolve("lib")) && !file.startsWith(from.resolve("lib/lib"))
                        || file.startsWith(from.resolve("conf")));
                if (file.getFileName().toString().endsWith(".sh") || file.startsWith(from.resolve("data")) || rebuilt) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.createLink(target, file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
