package dev.jdbcdynamo.sharding.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Copies the rows of a kid-sharded table from one shard to another, by kid range (the bulk copy)
 * or by single kid (a catch-up re-sync: the target's rows of that kid are replaced by the
 * source's). Generic over the table's columns: whatever {@code SELECT *} returns is written with
 * {@code REPLACE}, so copying again is harmless.
 */
final class RowCopier {
    private static final int BATCH = 500;

    private RowCopier() {
    }

    /**
     * A connection whose writes the shards' change-log triggers do not log: moving a row to
     * another shard changes no item, so no index entry may change (the user variable is cleared
     * before the connection goes back to its pool).
     */
    private static final class Quiet implements AutoCloseable {
        private final Connection connection;

        Quiet(DataSource pool) throws SQLException {
            connection = pool.getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("SET @dynamo_quiet = 1");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SET @dynamo_quiet = NULL");
            } finally {
                connection.close();
            }
        }
    }

    /** Copies the rows with {@code kid BETWEEN lo AND hi}; returns how many. */
    static long copyRange(DataSource source, DataSource target, String table, long lo, long hi) throws SQLException {
        try (Connection from = source.getConnection(); Quiet quiet = new Quiet(target);
             PreparedStatement select = from.prepareStatement("SELECT * FROM " + table + " WHERE kid BETWEEN ? AND ?",
                     ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            select.setFetchSize(Integer.MIN_VALUE); // connector-j: stream, do not buffer the range
            select.setLong(1, lo);
            select.setLong(2, hi);
            try (ResultSet rs = select.executeQuery()) {
                return write(rs, quiet.connection, table);
            }
        }
    }

    /**
     * Makes the target's rows of each kid equal to the source's, in one target transaction;
     * returns the rows written.
     */
    static long resyncKids(DataSource source, DataSource target, String table, java.util.Collection<Long> kids)
            throws SQLException {
        try (Connection from = source.getConnection(); Quiet quiet = new Quiet(target);
             PreparedStatement select = from.prepareStatement("SELECT * FROM " + table + " WHERE kid = ?");
             PreparedStatement delete = quiet.connection.prepareStatement("DELETE FROM " + table + " WHERE kid = ?")) {
            Connection to = quiet.connection;
            boolean autoCommit = to.getAutoCommit();
            to.setAutoCommit(false);
            try {
                long written = 0;
                for (long kid : kids) {
                    delete.setLong(1, kid);
                    delete.executeUpdate();
                    select.setLong(1, kid);
                    try (ResultSet rs = select.executeQuery()) {
                        written += write(rs, to, table);
                    }
                }
                to.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            } finally {
                to.setAutoCommit(autoCommit);
            }
        }
    }

    /** Deletes the rows with {@code kid BETWEEN lo AND hi} in chunks; returns how many. */
    static long deleteRange(DataSource shard, String table, long lo, long hi) throws SQLException {
        long deleted = 0;
        try (Quiet quiet = new Quiet(shard);
             PreparedStatement delete = quiet.connection.prepareStatement(
                     "DELETE FROM " + table + " WHERE kid BETWEEN ? AND ? LIMIT 5000")) {
            delete.setLong(1, lo);
            delete.setLong(2, hi);
            int n;
            do {
                n = delete.executeUpdate();
                deleted += n;
            } while (n > 0);
        }
        return deleted;
    }

    /** Copies a whole (small, replicated) table such as the catalog. */
    static void copyAll(DataSource source, DataSource target, String table) throws SQLException {
        try (Connection from = source.getConnection(); Connection to = target.getConnection();
             Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            write(rs, to, table);
        }
    }

    /** Creates {@code table} on the target like it is on the source, unless it exists. */
    static void createLike(DataSource source, DataSource target, String table) throws SQLException {
        String ddl;
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + table)) {
            if (!rs.next()) {
                throw new SQLException("SHOW CREATE TABLE " + table + " returned nothing");
            }
            ddl = rs.getString(2);
        }
        String create = ddl.replaceFirst("(?i)^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ");
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.execute(create);
        }
    }

    private static long write(ResultSet rs, Connection to, String table) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            names.add(meta.getColumnName(i));
        }
        String sql = "REPLACE INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + "?, ".repeat(columns - 1) + "?)";
        long written = 0;
        try (PreparedStatement insert = to.prepareStatement(sql)) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    insert.setObject(i, rs.getObject(i));
                }
                insert.addBatch();
                written++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return written;
    }
}
