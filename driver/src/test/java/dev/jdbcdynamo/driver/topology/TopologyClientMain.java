package dev.jdbcdynamo.driver.topology;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Run in a child JVM by {@link TopologyClusterTest}: a second application process with the same
 * topology file. Prints the {@code n} of every item the parent wrote, then writes items of its own.
 * Arguments: URL, number of parent items, number of own items.
 */
public final class TopologyClientMain {
    private TopologyClientMain() {
    }

    public static void main(String[] args) {
        int parentItems = Integer.parseInt(args[1]);
        int ownItems = Integer.parseInt(args[2]);
        try (Connection c = DriverManager.getConnection(args[0])) {
            long sum = 0;
            int found = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM \"Shared\" WHERE id = ?")) {
                for (int i = 0; i < parentItems; i++) {
                    ps.setString(1, "parent-" + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            found++;
                            sum += rs.getLong(1);
                        }
                    }
                }
            }
            System.out.println("found " + found + " sum " + sum);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Shared\" VALUE {'id': ?, 'n': ?}")) {
                for (int i = 0; i < ownItems; i++) {
                    ps.setString(1, "child-" + i);
                    ps.setInt(2, i);
                    ps.executeUpdate();
                }
            }
            System.out.println("wrote " + ownItems);
            System.exit(0);
        } catch (SQLException e) {
            System.out.println("error " + e.getSQLState() + " " + e.getMessage());
            System.exit(3);
        }
    }
}
