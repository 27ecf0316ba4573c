package fr.passerelle.e2e;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded H2 database of a stopped server, opened with the H2 driver of that server's own distribution (so the
 * file format always matches), for tests and benchmarks that write or read rows directly.
 */
public final class EmbeddedDatabase {

    /** What to do with the open connection. */
    public interface Work<T> {
        T run(Connection db) throws Exception;
    }

    private EmbeddedDatabase() {
    }

    /** Opens the database of the server installed in {@code home} (stopped), runs {@code work}, closes it. */
    public static <T> T with(Path home, String user, String password, Work<T> work) throws Exception {
        Path h2Jar;
        try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
            h2Jar = jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 driver in " + home));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {h2Jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.put("user", user);
            credentials.put("password", password);
            try (Connection db = driver.connect("jdbc:h2:file:" + home.resolve("data/h2/keycloakdb") + ";NON_KEYWORDS=VALUE", credentials)) {
                return work.run(db);
            }
        }
    }
}
