package dev.jdbcdynamo.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Run in a child JVM by {@link EmbeddedDirectoryTest}: tries to open an embedded directory. */
public final class OpenDirectoryMain {
    private OpenDirectoryMain() {
    }

    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("opened");
            System.exit(0);
        } catch (SQLException e) {
            System.out.println(e.getSQLState() + " " + e.getMessage());
            System.exit(3);
        }
    }
}
