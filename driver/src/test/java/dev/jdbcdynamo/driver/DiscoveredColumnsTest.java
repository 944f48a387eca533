package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ANALYZE TABLE: attributes found by sampling, kept in the catalog, shown by getColumns and SELECT *. */
class DiscoveredColumnsTest {
    private static final String URL = TestServer.memUrl("discovered", 2);

    @Test
    void analyzeRecordsAttributesThatMetadataAndResultsShow() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Events\" (id STRING PARTITION KEY, ts NUMBER SORT KEY, kind STRING)");
            s.executeUpdate("INSERT INTO \"Events\" VALUE {'id': 'a', 'ts': 1, 'kind': 'x', 'user': 'u1', 'tags': <<'t'>>}");
            s.executeUpdate("INSERT INTO \"Events\" VALUE {'id': 'b', 'ts': 2, 'score': 7, 'user': 'u2', 'mixed': 1}");
            s.executeUpdate("INSERT INTO \"Events\" VALUE {'id': 'c', 'ts': 3, 'mixed': 'one', 'meta': {'k': true}}");

            // Before ANALYZE only keys, declared attributes and item_json are columns.
            assertThat(columns(c, "Events")).containsExactly("id", "ts", "kind", "item_json");

            assertThat(s.execute("ANALYZE TABLE \"Events\"")).isTrue();
            Map<String, String> found = new LinkedHashMap<>();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    found.put(rs.getString("attribute"), rs.getString("type") + "/" + rs.getInt("items"));
                }
            }
            assertThat(found).containsExactly(Map.entry("meta", "M/1"), Map.entry("mixed", "*/2"),
                    Map.entry("score", "N/1"), Map.entry("tags", "SS/1"), Map.entry("user", "S/2"));

            assertThat(columns(c, "Events")).containsExactly("id", "ts", "kind", "meta", "mixed", "score", "tags",
                    "user", "item_json");
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "Events", "score")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(6);
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "Events", "mixed")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.OTHER);
            }

            // SELECT * has the same columns for every result, even one whose items lack them.
            try (ResultSet rs = s.executeQuery("SELECT * FROM \"Events\" WHERE id = 'a' AND ts = 1")) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    labels.add(md.getColumnLabel(i));
                }
                assertThat(labels).containsExactly("id", "ts", "kind", "meta", "mixed", "score", "tags", "user",
                        "item_json");
                assertThat(md.getColumnType(rs.findColumn("tags"))).isEqualTo(Types.ARRAY);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("score")).isNull();
                assertThat(rs.getString("user")).isEqualTo("u1");
            }
            // Another connection (and the catalog on the shards) sees the same columns.
            try (Connection other = DriverManager.getConnection(URL)) {
                assertThat(columns(other, "Events")).contains("score", "user");
            }
        }
    }

    @Test
    void analyzeOfAMissingTableIsResourceNotFound() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("analyze table Nope")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
        }
    }

    @Test
    void droppingATableForgetsItsColumns() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Gone\" (id STRING PARTITION KEY)");
            s.executeUpdate("INSERT INTO \"Gone\" VALUE {'id': 'a', 'extra': 1}");
            s.execute("ANALYZE TABLE Gone");
            assertThat(columns(c, "Gone")).contains("extra");
            s.execute("DROP TABLE \"Gone\"");
            s.execute("CREATE TABLE \"Gone\" (id STRING PARTITION KEY)");
            assertThat(columns(c, "Gone")).containsExactly("id", "item_json");
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }
}
