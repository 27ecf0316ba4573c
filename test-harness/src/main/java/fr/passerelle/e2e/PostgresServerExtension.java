package fr.passerelle.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the assembled server on a fresh PostgreSQL database (created here, dropped afterwards) for the test
 * class, and hands it to tests as a {@link PasserelleServer} parameter.
 *
 * <p>The PostgreSQL server is reached at {@code PASSERELLE_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as {@code PASSERELLE_PG_USER}/{@code PASSERELLE_PG_PASSWORD}
 * (default {@code passerelle}/{@code passerelle}, a role allowed to create databases; {@code .ci/run} sets it
 * up). Without a reachable PostgreSQL the class is skipped, unless {@code PASSERELLE_PG_REQUIRED=true} (CI),
 * where it fails.
 */
public final class PostgresServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresServerExtension.class);

    private static final String URL = env("PASSERELLE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("PASSERELLE_PG_USER", "passerelle");
    private static final String PASSWORD = env("PASSERELLE_PG_PASSWORD", "passerelle");

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = reachable();
        if (problem != null) {
            if (Boolean.parseBoolean(env("PASSERELLE_PG_REQUIRED", "false"))) {
                throw new IllegalStateException("PostgreSQL is required (PASSERELLE_PG_REQUIRED=true) but " + problem);
            }
            Assumptions.abort("No PostgreSQL to run against (" + problem + "); .ci/run provides one");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PasserelleServer.class || type == Database.class;
    }

    /** The test's own PostgreSQL database. */
    public record Database(String name) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(URL.substring(0, URL.lastIndexOf('/') + 1) + name, USER, PASSWORD);
        }
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context.getParent().filter(c -> c.getTestClass().isPresent() && c.getTestMethod().isEmpty()).orElse(context);
        Running running = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
        return parameter.getParameter().getType() == Database.class ? new Database(running.database) : running.server;
    }

    /** The server and its database, stopped and dropped when the class's store closes. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        final String database;
        final PasserelleServer server;

        private Running(String database, PasserelleServer server) {
            this.database = database;
            this.server = server;
        }

        static Running start() {
            String database = "passerelle_e2e_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            sql("CREATE DATABASE " + database);
            String jdbcUrl = URL.substring(0, URL.lastIndexOf('/') + 1) + database;
            PasserelleServer server = PasserelleServer.startOnPostgres(Path.of(required("passerelle.server.home")),
                    Path.of(required("passerelle.work.dir")), required("passerelle.build.options"), jdbcUrl, USER, PASSWORD);
            return new Running(database, server);
        }

        @Override
        public void close() {
            server.close();
            sql("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static String reachable() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }
}
