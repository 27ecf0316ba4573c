package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One broker node of a loopback cluster: the assembled server rebuilt with the production options of
 * {@code docker/keycloak.conf} (PostgreSQL, embedded Infinispan discovering its peers through the database),
 * run as a real process on its own loopback ports. It can be killed (SIGKILL of its JVM) and started again
 * on the same ports.
 */
final class ClusterNode implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** Keycloak's JGroups failure detection (FD_SOCK2) listens on the transport port + 50000. */
    private static final int FAILURE_DETECTION_OFFSET = 50000;
    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^]]*] \\((\\d+)\\) \\[([^]]*)]");

    private final String name;
    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;
    private long logOffset;

    private ClusterNode(String name, Path home, Path log, int httpPort, int managementPort,
                        List<String> command, Map<String, String> environment) {
        this.name = name;
        this.home = home;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.command = command;
        this.environment = environment;
    }

    /**
     * Copies the assembled distribution (hard links, except what {@code kc.sh build} rewrites) to
     * {@code target}, installs the production options file as {@code conf/keycloak.conf} and runs
     * {@code kc.sh build} there; the assembled distribution itself stays as it is (dev-file).
     */
    static Path buildDistribution(Path assembled, Path target, Path options, Path buildLog) throws IOException, InterruptedException {
        PasserelleServer.deleteTree(target);
        PasserelleServer.linkTree(assembled, target, true);
        Files.copy(options, target.resolve("conf/keycloak.conf"), StandardCopyOption.REPLACE_EXISTING);
        Process build = new ProcessBuilder("bash", target.resolve("bin/kc.sh").toString(), "build")
                .directory(target.toFile())
                .redirectErrorStream(true)
                .redirectOutput(buildLog.toFile())
                .start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build took more than 5 minutes; see " + buildLog);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with " + build.exitValue() + "; see " + buildLog);
        }
        return target;
    }

    /** Prepares (not starts) a node: its own copy of the built distribution and free loopback ports. */
    static ClusterNode prepare(String name, Path distribution, Path workDir, PostgresDatabase database, String publicUrl,
                               boolean importRealms) throws IOException {
        Path home = workDir.resolve("keycloak-" + name);
        PasserelleServer.deleteTree(home);
        PasserelleServer.linkTree(distribution, home, true);
        Path log = workDir.resolve("keycloak-" + name + ".log");
        Files.deleteIfExists(log);
        int httpPort = PasserelleServer.freePort();
        int managementPort = PasserelleServer.freePort();
        int clusterPort = freeClusterPort();
        List<String> command = new ArrayList<>(List.of(
                "bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-host=127.0.0.1", "--http-management-port=" + managementPort,
                // every node answers as the one public URL, whichever node a request reaches
                "--hostname=" + publicUrl,
                "--db-url=" + database.jdbcUrl(),
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--spi-cache-embedded-default-node-name=" + name,
                "--log-level=INFO,fr.passerelle:DEBUG"));
        if (importRealms) {
            command.add("--import-realm");
        }
        // The EU wallet verifier's key and PID provider anchors: the same on every node, as in production.
        command.addAll(WalletTrust.get(workDir).serverOptions());
        Map<String, String> environment = new HashMap<>();
        environment.put("KC_DB_USERNAME", database.user());
        environment.put("KC_DB_PASSWORD", database.password());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", PasserelleServer.ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", PasserelleServer.ADMIN_PASSWORD);
        environment.put("PASSERELLE_URL", publicUrl);
        environment.put("PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL);
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        return new ClusterNode(name, home, log, httpPort, managementPort, List.copyOf(command), environment);
    }

    /** This node's own address, bypassing the load balancer. */
    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    private String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the node (again, on the same ports) and waits until {@code /health/ready} answers 200. */
    synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitReady();
    }

    /** Kills the node's JVM with SIGKILL, by its process id, as a crash would; returns that id. */
    synchronized long kill() throws InterruptedException {
        ProcessHandle jvm = jvm().orElseThrow(() -> new IllegalStateException(name + " has no running JVM"));
        jvm.destroyForcibly();
        jvm.onExit().join();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return jvm.pid();
    }

    /** The JVM kc.sh started (kc.sh runs it as its child). */
    private Optional<ProcessHandle> jvm() {
        if (process == null) {
            return Optional.empty();
        }
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false))
                .findFirst();
    }

    /** The number of members in the last cluster view this node logged since it (re)started, or 0. */
    int lastClusterViewSize() {
        Matcher matcher = CLUSTER_VIEW.matcher(logSinceStart());
        int size = 0;
        while (matcher.find()) {
            size = Integer.parseInt(matcher.group(1));
        }
        return size;
    }

    /** The last cluster view line this node logged since it (re)started. */
    String lastClusterView() {
        Matcher matcher = CLUSTER_VIEW.matcher(logSinceStart());
        String view = "";
        while (matcher.find()) {
            view = matcher.group();
        }
        return view;
    }

    /** Waits until this node has logged a cluster view of this many members. */
    void awaitClusterView(int members, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (lastClusterViewSize() == members) {
                return;
            }
            PasserelleServer.sleep(250);
        }
        throw new AssertionError(name + " did not see a cluster of " + members + " within " + timeout
                + "; last view: " + lastClusterView() + "; see " + log);
    }

    /** Sets a variable of the node's environment for its next start (a realm import reads some). */
    void environment(String variable, String value) {
        environment.put(variable, value);
    }

    /** How many lines this node logged since its last start match {@code regex}. */
    long logLinesMatching(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        return logSinceStart().lines().filter(line -> pattern.matcher(line).find()).count();
    }

    private String logSinceStart() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        if (!PasserelleServer.waitUntilReady(name, process, URI.create(managementUrl() + "/health/ready"), log, READY_TIMEOUT)) {
            close();
            throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT + "; see " + log);
        }
    }

    /** Stops the node (and anything it started) by its process id. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    /** A free transport port whose failure-detection port (+50000) is free too. */
    private static int freeClusterPort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10000, 15000);
            if (isFree(port) && isFree(port + FAILURE_DETECTION_OFFSET)) {
                return port;
            }
        }
        throw new IOException("No free pair of cluster ports on loopback");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
