package fr.passerelle.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The shipped edge configuration ({@code docker/nginx/nginx.conf}) run by Debian's nginx on loopback in front of
 * given upstreams: only the addresses, ports and file paths are rewritten; each rewrite must find its target, so
 * a change of the shipped file that the test no longer covers fails loudly. Started as a process, stopped by pid.
 */
final class EdgeProxy implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path dir;
    final int publicPort;
    final int adminPort;

    private EdgeProxy(Process process, Path dir, int publicPort, int adminPort) {
        this.process = process;
        this.dir = dir;
        this.publicPort = publicPort;
        this.adminPort = adminPort;
    }

    static boolean available() {
        return Files.isExecutable(NGINX);
    }

    /** The project root (the module's parent when run by Maven). */
    static Path projectRoot() {
        return Path.of(System.getProperty("passerelle.project.root", "..")).toAbsolutePath().normalize();
    }

    /** Generates the self-signed pair with the documented script, writes the rewritten file, checks it with {@code nginx -t}, starts nginx. */
    static EdgeProxy start(Path dir, int upstreamPort) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        run(dir, List.of("bash", projectRoot().resolve("docker/self-signed-cert.sh").toString(), dir.resolve("certs").toString(), "localhost"));
        int publicPort = PasserelleServer.freePort();
        int adminPort = PasserelleServer.freePort();
        Map<String, String> rewrites = new LinkedHashMap<>();
        rewrites.put("server broker-1:8080", "server 127.0.0.1:" + upstreamPort);
        rewrites.put("server broker-2:8080", "server 127.0.0.1:" + upstreamPort);
        rewrites.put("listen 8443 ssl", "listen 127.0.0.1:" + publicPort + " ssl");
        rewrites.put("listen 8444 ssl", "listen 127.0.0.1:" + adminPort + " ssl");
        rewrites.put("/etc/nginx/certs/", dir.resolve("certs") + "/");
        rewrites.put("/etc/nginx/franceconnect-paths.conf", projectRoot().resolve("docker/nginx/franceconnect-paths.conf").toString());
        rewrites.put("/var/log/nginx/", dir.resolve("logs") + "/");
        rewrites.put("http {", "http {\n  client_body_temp_path " + dir.resolve("body") + ";\n  proxy_temp_path " + dir.resolve("proxy") + ";");
        String config = Files.readString(projectRoot().resolve("docker/nginx/nginx.conf"));
        for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
            if (!config.contains(rewrite.getKey())) {
                throw new IllegalStateException("docker/nginx/nginx.conf no longer contains \"" + rewrite.getKey() + "\": update EdgeProxy");
            }
            config = config.replace(rewrite.getKey(), rewrite.getValue());
        }
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config);
        List<String> command = new ArrayList<>(List.of(NGINX.toString(), "-p", dir + "/", "-c", file.toString(), "-g",
                "daemon off; master_process off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("logs/error.log") + " info;"));
        List<String> check = new ArrayList<>(command);
        check.add("-t");
        run(dir, check);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/nginx.out").toFile()).start();
        EdgeProxy proxy = new EdgeProxy(process, dir, publicPort, adminPort);
        proxy.awaitListening();
        return proxy;
    }

    String publicUrl() {
        return "https://127.0.0.1:" + publicPort;
    }

    String adminUrl() {
        return "https://127.0.0.1:" + adminPort;
    }

    /** An HTTP client that trusts the generated certificate alone (and so checks TLS for real). */
    HttpClient client() {
        try {
            CertificateFactory certificates = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("edge", certificates.generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(dir.resolve("certs/public.crt")))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String errorLog() throws IOException {
        Path log = dir.resolve("logs/error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitListening() {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "; see " + dir.resolve("logs"));
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", publicPort)) {
                return;
            } catch (IOException notYet) {
                PasserelleServer.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("nginx not listening after 5 s; see " + dir.resolve("logs"));
    }

    @Override
    public void close() {
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

    private static void run(Path dir, List<String> command) throws IOException {
        Path out = dir.resolve("logs/command.out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

}
