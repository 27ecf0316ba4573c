package fr.passerelle.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh PostgreSQL database for one test run, created on the local server through a role allowed to
 * create databases (see {@code .ci/postgres}), dropped again at the end.
 */
final class PostgresDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Connects to the server's maintenance database and creates a database named after the current time. */
    static PostgresDatabase createFresh(String host, int port, String user, String password) throws SQLException {
        String serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
        String name = "passerelle_cluster_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        PostgresDatabase database = new PostgresDatabase(serverUrl, user, password, name);
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return database;
    }

    String name() {
        return name;
    }

    String jdbcUrl() {
        return serverUrl + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The first column of every row a query returns, as text. */
    List<String> column(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + name, e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
