package dev.jdbcdynamo.bundle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A program with no logging set up, run by {@link QuietOpenIT} in a child JVM on the shaded jar:
 * it opens each URL of its arguments, creates a table, writes, reads and closes, and prints
 * nothing unless something fails.
 */
public final class QuietOpenMain {
    private QuietOpenMain() {
    }

    public static void main(String[] args) throws SQLException {
        for (String url : args) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS \"Quiet\" (id STRING PARTITION KEY, n NUMBER)");
                s.executeUpdate("INSERT INTO \"Quiet\" VALUE {'id': 'a', 'n': 1}");
                try (ResultSet rs = s.executeQuery("SELECT n FROM \"Quiet\" WHERE id = 'a'")) {
                    if (!rs.next() || rs.getInt("n") != 1) {
                        throw new IllegalStateException("The item written to " + url + " did not read back");
                    }
                }
            }
        }
    }
}
