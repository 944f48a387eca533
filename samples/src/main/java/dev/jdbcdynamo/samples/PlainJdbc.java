package dev.jdbcdynamo.samples;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain JDBC against jdbc:dynamo: a table with a sort key, prepared inserts of every kind of
 * value, a key query, documents read back as JSON text, Map and java.sql.Array, a conditional
 * write that fails with DynamoDB's error name, ANALYZE TABLE, and the table as DatabaseMetaData
 * describes it.
 *
 * <p>Run: {@code ./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl samples exec:java
 * -Dexec.mainClass=dev.jdbcdynamo.samples.PlainJdbc} (an argument replaces the URL).
 */
public final class PlainJdbc {
    private PlainJdbc() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : "jdbc:dynamo:mem:plainjdbc";
        try (Connection c = DriverManager.getConnection(url)) {
            run(c);
        }
    }

    static void run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS \"Music\"");
            s.execute("CREATE TABLE \"Music\" (artist STRING PARTITION KEY, song STRING SORT KEY, year NUMBER)");
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO \"Music\" VALUE {'artist': ?, 'song': ?, 'year': ?, 'tags': ?, 'credits': ?}")) {
            insert.setString(1, "Nina Simone");
            insert.setString(2, "Feeling Good");
            insert.setInt(3, 1965);
            insert.setObject(4, Set.of("jazz", "soul"));                          // a string set (SS)
            insert.setObject(5, Map.of("arranger", "Hal Mooney", "tracks", 1));   // a map (M)
            insert.executeUpdate();
            insert.setString(2, "Sinnerman");
            insert.setBigDecimal(3, new BigDecimal("1965"));
            insert.setObject(4, Set.of("jazz"));
            insert.setObject(5, Map.of("length", new BigDecimal("10.3")));
            insert.executeUpdate();
        }
        try (PreparedStatement query = c.prepareStatement(
                "SELECT * FROM \"Music\" WHERE artist = ? AND begins_with(song, ?)")) {
            query.setString(1, "Nina Simone");
            query.setString(2, "S");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Array tags = rs.getArray("tags");
                    System.out.println(rs.getString("song") + " (" + rs.getBigDecimal("year") + ") tags="
                            + List.of((Object[]) tags.getArray()) + " credits=" + rs.getObject("credits", Map.class)
                            + " as JSON " + rs.getString("credits"));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"Music\" VALUE {'artist': 'Nina Simone', 'song': 'Sinnerman'}");
        } catch (SQLIntegrityConstraintViolationException e) {
            System.out.println("Second insert of the same key: SQLState " + e.getSQLState() + ", DynamoDB error "
                    + ((DynamoSqlException) e).errorName());
        }
        // Attributes beyond the keys and declared ones become columns once sampled.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("ANALYZE TABLE \"Music\"")) {
            while (rs.next()) {
                System.out.println("discovered " + rs.getString("attribute") + " of type " + rs.getString("type"));
            }
        }
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getColumns(null, null, "Music", "%")) {
            while (rs.next()) {
                System.out.println("column " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
            }
        }
    }
}
