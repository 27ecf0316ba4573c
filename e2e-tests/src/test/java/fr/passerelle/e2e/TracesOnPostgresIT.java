package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trace test again, with the broker's database on PostgreSQL (a fresh database, created for this class);
 * then the table itself is read with SQL, every column of every row.
 */
@ExtendWith(PostgresServerExtension.class)
class TracesOnPostgresIT {

    @Test
    void marieSignInsAreTracedStepByStepWithoutHerClearIdentity(PasserelleServer server, PostgresServerExtension.Database database) throws Exception {
        TraceScenario.run(server);

        StringBuilder everything = new StringBuilder();
        int rows = 0;
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT * FROM passerelle_trace")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    everything.append(result.getString(i)).append('|');
                }
            }
        }
        assertTrue(rows > 0, "the traces are in PostgreSQL's table");
        String text = everything.toString().toLowerCase(Locale.ROOT);
        for (String clear : TraceScenario.MARIE_CLEAR_VALUES) {
            assertFalse(text.contains(clear), "the trace table holds '" + clear + "'");
        }
    }
}
