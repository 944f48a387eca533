package dev.jdbcdynamo.samples;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.api.DynamoSqlException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The first steps with jdbc:dynamo on the embedded default: create an orders table, insert
 * orders of a few customers, read one back, list a customer's orders in date order, delete one.
 *
 * <p>Run it with {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl samples exec:java}; pass another
 * URL as the first argument to run it against your own shards.
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : "jdbc:dynamo:mem:quickstart?shards=4";
        System.out.println("Connecting to " + url + " (the first start unpacks and starts MariaDB) ...");
        try (Connection conn = DriverManager.getConnection(url)) {
            run(conn);
        }
    }

    static void run(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS \"Orders\"");
            s.execute("CREATE TABLE \"Orders\" ("
                    + " customer_id STRING PARTITION KEY,"
                    + " order_date  STRING SORT KEY,"
                    + " total       NUMBER)");
            System.out.println("Created table Orders (customer_id, order_date)");
        }

        String[][] orders = {
            {"alice", "2024-03-02", "310"}, {"alice", "2024-01-05", "25.5"}, {"alice", "2024-02-11", "7.25"},
            {"bob", "2024-01-15", "42"}, {"bob", "2024-02-28", "0"}, {"carol", "2023-12-31", "1000.001"},
        };
        try (PreparedStatement insert = conn.prepareStatement(
                "INSERT INTO \"Orders\" VALUE {'customer_id': ?, 'order_date': ?, 'total': ?, 'status': 'NEW'}")) {
            for (String[] o : orders) {
                insert.setString(1, o[0]);
                insert.setString(2, o[1]);
                insert.setBigDecimal(3, new BigDecimal(o[2]));
                insert.executeUpdate();
            }
        }
        System.out.println("Inserted " + orders.length + " orders for alice, bob and carol");

        try (PreparedStatement get = conn.prepareStatement(
                "SELECT * FROM \"Orders\" WHERE customer_id = ? AND order_date = ?")) {
            get.setString(1, "bob");
            get.setString(2, "2024-01-15");
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                System.out.println("Read back bob's order of 2024-01-15: total " + rs.getBigDecimal("total")
                        + ", item " + rs.unwrap(DynamoResultSet.class).itemJson());
            }
        }

        try (PreparedStatement query = conn.prepareStatement(
                "SELECT order_date, total FROM \"Orders\" WHERE customer_id = ?")) {
            query.setString(1, "alice");
            System.out.println("Alice's orders in date order:");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString("order_date") + "  " + rs.getBigDecimal("total"));
                }
            }
        }

        try (Statement s = conn.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN SELECT * FROM \"Orders\" WHERE customer_id = 'alice'"
                     + " AND order_date >= '2024-02-01'")) {
            plan.next();
            System.out.println("EXPLAIN of a range query on alice's orders:");
            for (String column : new String[] {"access_path", "key_condition", "filter", "shards", "sql"}) {
                System.out.println("  " + column + ": " + plan.getString(column));
            }
        }

        try (Statement s = conn.createStatement()) {
            int deleted = s.executeUpdate(
                    "DELETE FROM \"Orders\" WHERE customer_id = 'alice' AND order_date = '2024-02-11'");
            System.out.println("Deleted alice's order of 2024-02-11 (" + deleted + " item)");
            try (ResultSet rs = s.executeQuery("SELECT order_date FROM \"Orders\" WHERE customer_id = 'alice'")) {
                StringBuilder left = new StringBuilder();
                while (rs.next()) {
                    left.append(' ').append(rs.getString(1));
                }
                System.out.println("Alice's orders now:" + left);
            }
            try {
                s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'bob', 'order_date': '2024-01-15'}");
            } catch (SQLException e) {
                System.out.println("Inserting bob's 2024-01-15 order again fails as in DynamoDB: "
                        + ((DynamoSqlException) e).errorName() + " (SQLState " + e.getSQLState() + ")");
            }
        }
    }
}
