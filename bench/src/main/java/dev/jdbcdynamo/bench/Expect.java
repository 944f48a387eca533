package dev.jdbcdynamo.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Checks that every measured call got the answer it should have, so no contender is timed doing less. */
final class Expect {
    private Expect() {
    }

    /** Runs a query, reads column 1 of every row and checks the row count. */
    static void rows(PreparedStatement ps, int expected) throws SQLException {
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                consume(rs.getString(1));
                rows++;
            }
        }
        count(rows, expected);
    }

    static void count(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " rows or items, got " + actual);
        }
    }

    /** Uses a value read from a result (no shared write, which would make threads contend). */
    static void consume(String value) {
        if (value == null) {
            throw new IllegalStateException("expected a value, got NULL");
        }
    }
}
