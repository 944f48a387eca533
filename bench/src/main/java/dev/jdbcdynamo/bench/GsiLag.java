package dev.jdbcdynamo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * GSI propagation lag of jdbc:dynamo: the time from an INSERT's return until a query of a global
 * index (default connection: eventually consistent, no read-your-writes) returns the item. Each
 * sample inserts an item under a new index key and polls that index partition.
 */
final class GsiLag {
    static final String TABLE = "gsi_lag";
    private static final long TIMEOUT_NANOS = 30_000_000_000L;

    private GsiLag() {
    }

    /** Measures {@code samples} lags (after a few unmeasured ones) on a table of its own in the database at {@code url}. */
    static Statistics.Sample measure(String url, int samples) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS \"" + TABLE + "\"");
            s.execute("CREATE TABLE \"" + TABLE + "\" (pk STRING PARTITION KEY, g STRING,"
                    + " GLOBAL INDEX \"by_g\" (g) PROJECTION KEYS_ONLY)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"" + TABLE + "\" VALUE {'pk': ?, 'g': ?}");
                 PreparedStatement query = c.prepareStatement("SELECT pk FROM \"" + TABLE + "\".\"by_g\" WHERE g = ?")) {
                int warmup = Math.max(5, samples / 10);
                long[] lags = new long[samples];
                long started = System.nanoTime();
                for (int i = -warmup; i < samples; i++) {
                    long lag = once(insert, query, "k" + i, "g" + i);
                    if (i >= 0) {
                        lags[i] = lag;
                    }
                }
                long elapsed = System.nanoTime() - started;
                Arrays.sort(lags);
                return new Statistics.Sample(samples, elapsed, lags);
            } finally {
                s.execute("DROP TABLE IF EXISTS \"" + TABLE + "\"");
            }
        }
    }

    private static long once(PreparedStatement insert, PreparedStatement query, String pk, String g) throws SQLException {
        insert.setString(1, pk);
        insert.setString(2, g);
        Expect.count(insert.executeUpdate(), 1);
        long written = System.nanoTime();
        query.setString(1, g);
        while (true) {
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    return System.nanoTime() - written;
                }
            }
            if (System.nanoTime() - written > TIMEOUT_NANOS) {
                throw new IllegalStateException("item " + pk + " did not reach the GSI in 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
