package fr.passerelle.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import fr.passerelle.e2e.EmbeddedDatabase;

/**
 * Fills the {@code passerelle} realm's tables of a stopped server's H2 database in bulk: accounts as the broker keeps
 * them (the account, its identity key, subject key and six claims as attributes, its link to the upstream IdP, its
 * identity-key holder row) and trace rows spread over them and over six months. Written straight into the database,
 * in batches, while the server is stopped (the realm's partial import would hash nothing but still costs about a
 * second per hundred accounts here); the server reads them as its own after the restart.
 */
final class Seeding {

    static final String DB_USER = "bench";
    static final String DB_PASSWORD = "bench-scaling";
    private static final int BATCH = 2_000;
    private static final String[] CLAIMS = {"given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry"};

    private Seeding() {
    }

    /** Adds {@code accounts} accounts and {@code traces} trace rows to {@code realm}; returns the table sizes after. */
    static List<String> seed(Path home, String realm, String idpAlias, int accounts, int traces) throws Exception {
        return EmbeddedDatabase.with(home, DB_USER, DB_PASSWORD, db -> {
            db.setAutoCommit(false);
            String realmId = single(db, "select ID from REALM where NAME = '" + realm + "'");
            insertAccounts(db, realmId, idpAlias, accounts);
            insertTraces(db, realmId, idpAlias, traces);
            db.commit();
            List<String> sizes = new ArrayList<>();
            for (String table : List.of("USER_ENTITY", "USER_ATTRIBUTE", "FEDERATED_IDENTITY", "PASSERELLE_IDENTITY_KEY", "PASSERELLE_TRACE",
                    "PASSERELLE_NOTICE")) {
                sizes.add(table + " " + single(db, "select count(*) from " + table));
            }
            return sizes;
        });
    }

    /** The indexes of the suite's own tables, as the database lists them. */
    static List<String> suiteIndexes(Path home) throws Exception {
        return EmbeddedDatabase.with(home, DB_USER, DB_PASSWORD, db -> {
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("select i.TABLE_NAME, i.INDEX_NAME, listagg(c.COLUMN_NAME, ', ') within group "
                         + "(order by c.ORDINAL_POSITION) from INFORMATION_SCHEMA.INDEXES i join INFORMATION_SCHEMA.INDEX_COLUMNS c "
                         + "on c.INDEX_NAME = i.INDEX_NAME and c.TABLE_NAME = i.TABLE_NAME where i.TABLE_NAME like 'PASSERELLE%' "
                         + "group by i.TABLE_NAME, i.INDEX_NAME order by 1, 2")) {
                List<String> indexes = new ArrayList<>();
                while (rows.next()) {
                    indexes.add(rows.getString(1) + ": " + rows.getString(2) + " (" + rows.getString(3) + ")");
                }
                return indexes;
            }
        });
    }

    private static void insertAccounts(Connection db, String realmId, String idpAlias, int count) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement user = db.prepareStatement("insert into USER_ENTITY (ID, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED, "
                + "REALM_ID, USERNAME, FIRST_NAME, LAST_NAME, CREATED_TIMESTAMP, NOT_BEFORE) values (?,?,?,false,true,?,?,?,?,?,0)");
             PreparedStatement attribute = db.prepareStatement("insert into USER_ATTRIBUTE (ID, NAME, VALUE, USER_ID) values (?,?,?,?)");
             PreparedStatement link = db.prepareStatement("insert into FEDERATED_IDENTITY (IDENTITY_PROVIDER, REALM_ID, FEDERATED_USER_ID, "
                     + "FEDERATED_USERNAME, USER_ID) values (?,?,?,?,?)");
             PreparedStatement holder = db.prepareStatement("insert into PASSERELLE_IDENTITY_KEY (ID, REALM_ID, IDENTITY_KEY, USER_ID) "
                     + "values (?,?,?,?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String key = key(id);
                user.setString(1, id);
                user.setString(2, "seed-" + id + "@example.org");
                user.setString(3, id);
                user.setString(4, realmId);
                user.setString(5, "seed-" + id);
                user.setString(6, "Camille");
                user.setString(7, "SEED");
                user.setLong(8, now);
                user.addBatch();
                attribute(attribute, "passerelle.identity-key", key, id);
                attribute(attribute, "passerelle.subject-key", key(key), id);
                for (String claim : CLAIMS) {
                    attribute(attribute, claim, claim.equals("birthdate") ? "1990-02-03" : "seed", id);
                }
                link.setString(1, idpAlias);
                link.setString(2, realmId);
                link.setString(3, UUID.randomUUID().toString());
                link.setString(4, "seed-" + i);
                link.setString(5, id);
                link.addBatch();
                holder.setString(1, UUID.randomUUID().toString());
                holder.setString(2, realmId);
                holder.setString(3, key);
                holder.setString(4, id);
                holder.addBatch();
                if (i % BATCH == BATCH - 1) {
                    user.executeBatch();
                    attribute.executeBatch();
                    link.executeBatch();
                    holder.executeBatch();
                }
            }
            user.executeBatch();
            attribute.executeBatch();
            link.executeBatch();
            holder.executeBatch();
        }
    }

    private static void insertTraces(Connection db, String realmId, String idpAlias, int count) throws SQLException {
        long now = System.currentTimeMillis();
        long span = 175L * 24 * 3600 * 1000;
        try (PreparedStatement insert = db.prepareStatement("insert into PASSERELLE_TRACE (ID, REALM_ID, EVENT, EVENT_TIME,"
                + " SP_CLIENT_ID, IDP_ALIAS, LEVEL_ACR, SCOPES, DP_CLIENT_ID, SESSION_ID, IDENTITY_KEY) values (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < count; i++) {
                boolean connection = i % 3 != 0;
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, realmId);
                insert.setString(3, connection ? "redirected_to_sp" : "checktoken_ok");
                insert.setLong(4, now - (i * 7919L % span));
                insert.setString(5, "demo-sp");
                insert.setString(6, connection ? idpAlias : null);
                insert.setString(7, connection ? "eidas1" : null);
                insert.setString(8, connection ? "openid" : "dgfip_rfr");
                insert.setString(9, connection ? null : "demo-dp");
                insert.setString(10, "seed-session-" + i);
                insert.setString(11, key("trace-" + (i / 3)));
                insert.addBatch();
                if (i % BATCH == BATCH - 1) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void attribute(PreparedStatement attribute, String name, String value, String userId) throws SQLException {
        attribute.setString(1, UUID.randomUUID().toString());
        attribute.setString(2, name);
        attribute.setString(3, value);
        attribute.setString(4, userId);
        attribute.addBatch();
    }

    /** A 64-hex-digit value shaped like an identity key (not one any person has). */
    private static String key(String seed) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
