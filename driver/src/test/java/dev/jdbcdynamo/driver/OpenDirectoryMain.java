package dev.jdbcdynamo.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedDirectoryTest}: tries to open an embedded directory, runs
 * the statements given after the URL, and exits without closing the connection (as sqlline and
 * most tools do), so that only the JVM's shutdown stops the server.
 */
public final class OpenDirectoryMain {
    private OpenDirectoryMain() {
    }

    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
            System.out.println("opened");
            for (int i = 1; i < args.length; i++) {
                s.execute(args[i]);
            }
            System.exit(0);
        } catch (SQLException e) {
            System.out.println(e.getSQLState() + " " + e.getMessage());
            System.exit(3);
        }
    }
}
