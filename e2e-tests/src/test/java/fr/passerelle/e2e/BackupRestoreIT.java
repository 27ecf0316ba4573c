package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backup and restore of docs/operations.md, played for real: a broker on PostgreSQL, Marie signs in, the
 * database is dumped with pg_dump, restored with pg_restore into a fresh database, the broker is started on the
 * restored copy only, and Marie signing in again gets the same sub (the platform secret, generated into the
 * database, came back with it), her account and the realms are there.
 */
@ExtendWith(PostgresServerExtension.class)
class BackupRestoreIT {

    @Test
    void aDumpRestoredIntoAFreshDatabaseGivesMarieTheSameSub(PasserelleServer original, PostgresServerExtension.Database database) throws Exception {
        requireTools();
        String subBefore = signInMarie(original);
        String secretRow = single(database, "SELECT count(*) FROM server_config WHERE server_config_key = 'passerelle.platform-secret.v1'");
        assertEquals("1", secretRow, "the generated platform secret is in the database, so in the dump");

        Path dump = Path.of(System.getProperty("passerelle.work.dir", "target"), "passerelle-backup.dump");
        Files.deleteIfExists(dump);
        pg(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, database.name()));
        assertTrue(Files.size(dump) > 0);
        original.close();

        String restoredName = database.name() + "_restored";
        database.sql("DROP DATABASE IF EXISTS " + restoredName);
        database.sql("CREATE DATABASE " + restoredName);
        PasserelleServer restored = null;
        try {
            pg(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + restoredName, dump.toString()));
            PostgresServerExtension.Database copy = new PostgresServerExtension.Database(restoredName);
            // on the original's port: the broker realm's IdP endpoints were resolved with it at the first import
            restored = PasserelleServer.startPrepared(original.home(), original.log().resolveSibling("keycloak-e2e-restored.log"),
                    URI.create(original.baseUrl()).getPort(), List.of("--db-url=" + copy.jdbcUrl(), "--db-username=" + PostgresServerExtension.USER,
                            "--db-password=" + PostgresServerExtension.PASSWORD),
                    Map.of("PASSERELLE_SP_URL", PasserelleServerExtension.SP_URL));

            assertEquals(subBefore, signInMarie(restored), "the same sub for the same person after the restore");
            assertEquals("1", single(copy, "SELECT count(*) FROM server_config WHERE server_config_key = 'passerelle.platform-secret.v1'"),
                    "the broker used the restored secret and made no new one");
        } finally {
            if (restored != null) {
                restored.close();
            }
            database.sql("DROP DATABASE IF EXISTS " + restoredName + " WITH (FORCE)");
        }
    }

    private static String signInMarie(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Page callback = LoginFlow.signIn(LoginFlow.newBrowser(), authorization, DemoPeople.MARIE_IMPOTS);
        return authorization.redeem(callback).idToken().get("sub").toString();
    }

    private static String single(PostgresServerExtension.Database database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void requireTools() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/pg_dump")) && Files.isExecutable(Path.of("/usr/bin/pg_restore"));
        if (!present && "true".equals(System.getenv("PASSERELLE_PG_REQUIRED"))) {
            throw new IllegalStateException("pg_dump and pg_restore are required (PASSERELLE_PG_REQUIRED=true)");
        }
        Assumptions.assumeTrue(present, "pg_dump and pg_restore are not installed");
    }

    /** Runs a PostgreSQL client tool against the test's server, as the operator would (password from the environment). */
    private static void pg(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(1, List.of("--host=" + PostgresServerExtension.HOST, "--port=" + PostgresServerExtension.PORT,
                "--username=" + PostgresServerExtension.USER, "--no-password"));
        Path out = Files.createTempFile(Path.of(System.getProperty("passerelle.work.dir", "target")), "pg-", ".log");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PGPASSWORD", PostgresServerExtension.PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 2 minutes");
        }
        assertEquals(0, process.exitValue(), String.join(" ", full) + ": " + Files.readString(out));
    }
}
