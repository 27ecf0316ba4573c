package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx on a free loopback port in front of the test server, with a configuration snippet of
 * {@code docker/} included in its server block as the production proxy includes it. It names the server by its
 * own address in {@code Host}, as a production broker is named by its configured hostname: the broker's URLs (the
 * demo IdPs' registered redirect URIs among them) stay the server's. Stopped by its pid.
 */
public final class NginxFront implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private NginxFront(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(NGINX);
    }

    /** @param include a snippet for the server block, e.g. docker/nginx/franceconnect-paths.conf */
    public static NginxFront start(Path workDir, int upstreamPort, Path include) {
        try {
            Files.createDirectories(workDir.resolve("logs"));
            int port = freePort();
            String dir = workDir.toAbsolutePath().toString();
            String conf = """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log;
                    events {}
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      server {
                        listen 127.0.0.1:%2$d;
                        include %3$s;
                        location / {
                          proxy_pass http://127.0.0.1:%4$d;
                          proxy_set_header Host 127.0.0.1:%4$d;
                          proxy_buffer_size 128k;
                          proxy_buffers 4 256k;
                          proxy_busy_buffers_size 256k;
                        }
                      }
                    }
                    """.formatted(dir, port, include.toAbsolutePath().normalize(), upstreamPort);
            Path confFile = workDir.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            Process process = new ProcessBuilder(NGINX.toString(), "-p", dir, "-c", confFile.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("logs/nginx.out").toFile()).start();
            NginxFront front = new NginxFront(process, port);
            front.awaitListening();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped at start, exit " + process.exitValue());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
