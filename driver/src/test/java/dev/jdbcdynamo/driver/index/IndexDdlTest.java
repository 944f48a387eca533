package dev.jdbcdynamo.driver.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.IndexTestSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CREATE GLOBAL INDEX on a table with items, DROP INDEX, their errors, EXPLAIN of index reads, the storage they leave. */
class IndexDdlTest {
    private static final String NAME = "index_ddl";
    private static final String URL = IndexTestSupport.memUrl(NAME, 2);
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("gsiReadYourWrites", "true");
        c = DriverManager.getConnection(URL, p);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY,"
                    + " total NUMBER, status STRING, LOCAL INDEX \"ByTotal\" (total) PROJECTION ALL,"
                    + " GLOBAL INDEX \"ByStatus\" (status, order_date) PROJECTION INCLUDE (total))");
            for (int i = 0; i < 40; i++) {
                s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'c" + (i % 4) + "', 'order_date': '2024-01-"
                        + String.format("%02d", i + 1) + "', 'total': " + i + (i % 5 == 0 ? "" : ", 'status': 'S" + (i % 3) + "'")
                        + "}");
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void createGlobalIndexBackfillsTheItemsTheTableHas() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE GLOBAL INDEX \"ByCustomerTotal\" ON \"Orders\" (customer_id, total) PROJECTION KEYS_ONLY");
            assertThat(values(s.executeQuery("SELECT total FROM \"Orders\".\"ByCustomerTotal\" WHERE customer_id = 'c1'"
                    + " AND total > 20"), "total")).containsExactly("21", "25", "29", "33", "37");
            assertThat(values(s.executeQuery("SELECT * FROM \"Orders\".\"ByCustomerTotal\" WHERE customer_id = 'c2'"
                    + " ORDER BY total DESC"), "order_date")).startsWith("2024-01-39", "2024-01-35");
            IndexChecks.assertExact(c, "Orders", List.of("customer_id", "order_date"),
                    new IndexChecks.Index("ByCustomerTotal", "customer_id", "total", java.util.Set.of()));

            assertThatThrownBy(() -> s.execute("CREATE GLOBAL INDEX \"ByCustomerTotal\" ON \"Orders\" (status)"))
                    .isInstanceOf(DynamoSqlException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> s.execute("CREATE GLOBAL INDEX \"ByNote\" ON \"Orders\" (note)"))
                    .hasMessageContaining("needs a declared type");

            s.execute("DROP INDEX \"ByCustomerTotal\" ON \"Orders\"");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM \"Orders\".\"ByCustomerTotal\" WHERE customer_id = 'c1'"))
                    .hasMessageContaining("The table does not have the specified index: ByCustomerTotal");
            assertThat(physicalTables()).noneMatch(t -> t.endsWith("_g3"));
        }
    }

    @Test
    void dropIndexErrorsAreDynamoDbs() throws SQLException {
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP INDEX \"Nope\" ON \"Orders\""))
                    .satisfies(e -> assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ResourceNotFoundException"));
            assertThatThrownBy(() -> s.execute("DROP INDEX \"ByTotal\" ON \"Orders\""))
                    .satisfies(e -> assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ValidationException"))
                    .hasMessageContaining("Local secondary index ByTotal cannot be dropped");
            assertThatThrownBy(() -> s.execute("DROP INDEX \"ByStatus\" ON \"Nope\""))
                    .satisfies(e -> assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ResourceNotFoundException"));
        }
    }

    @Test
    void droppingTheLastGlobalIndexRemovesTheChangeLogTriggers() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Tmp\" (id STRING PARTITION KEY, g STRING, GLOBAL INDEX \"ByG\" (g))");
            assertThat(triggers()).hasSize(3 + 3);
            s.execute("DROP INDEX \"ByG\" ON \"Tmp\"");
            assertThat(triggers()).hasSize(3);
            s.executeUpdate("INSERT INTO \"Tmp\" VALUE {'id': 'a', 'g': 'x'}");
            s.execute("DROP TABLE \"Tmp\"");
        }
    }

    @Test
    void explainShowsTheIndexAndTheOneShardAGlobalIndexQueryAsks() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM \"Orders\".\"ByStatus\" WHERE status = 'S1'"
                     + " AND order_date >= '2024-01-10'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("access_path")).isEqualTo("IndexQuery");
            assertThat(rs.getString("index")).isEqualTo("ByStatus (global, projection INCLUDE, eventually consistent)");
            assertThat(rs.getString("key_condition")).isEqualTo("status = {\"S\":\"S1\"} AND order_date >= {\"S\":\"2024-01-10\"}");
            assertThat(rs.getString("shards")).matches("1: ds_[01]");
            assertThat(rs.getString("sql")).matches("SELECT item FROM dt_[0-9]+_g2 WHERE kid = \\? AND gpk = \\? AND gsk >= \\?"
                    + " ORDER BY gsk, pk, sk");
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM \"Orders\".\"ByTotal\" WHERE customer_id = 'c1' AND total < 5")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("access_path")).isEqualTo("IndexQuery");
            assertThat(rs.getString("index")).isEqualTo("ByTotal (local, projection ALL, strongly consistent)");
            assertThat(rs.getString("sql")).matches("SELECT item FROM dt_[0-9]+ WHERE kid = \\? AND pk = \\? AND l1 IS NOT NULL"
                    + " AND l1 < \\? ORDER BY l1, sk");
        }
    }

    @Test
    void consistentReadIsRefusedOnGlobalIndexesOnly() throws SQLException {
        Properties p = new Properties();
        p.setProperty("consistentRead", "true");
        try (Connection consistent = DriverManager.getConnection(URL, p); Statement s = consistent.createStatement()) {
            assertThat(values(s.executeQuery("SELECT total FROM \"Orders\".\"ByTotal\" WHERE customer_id = 'c0'"
                    + " AND total <= 8"), "total")).containsExactly("0", "4", "8");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM \"Orders\".\"ByStatus\" WHERE status = 'S1'"))
                    .hasMessage("Consistent read cannot be true when scanning a GSI");
        }
    }

    @Test
    void localIndexColumnIsNullForItemsWithoutTheKey() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'z', 'order_date': '1', 'status': 'S1'}");
            assertThat(values(s.executeQuery("SELECT order_date FROM \"Orders\".\"ByTotal\" WHERE customer_id = 'z'"),
                    "order_date")).isEmpty();
            s.executeUpdate("UPDATE \"Orders\" SET total = 3 WHERE customer_id = 'z' AND order_date = '1'");
            assertThat(values(s.executeQuery("SELECT order_date FROM \"Orders\".\"ByTotal\" WHERE customer_id = 'z'"),
                    "order_date")).containsExactly("1");
            s.executeUpdate("DELETE FROM \"Orders\" WHERE customer_id = 'z' AND order_date = '1'");
        }
    }

    @Test
    void indexKeysHaveTheSizeLimitsOfTableKeys() throws SQLException {
        try (Statement s = c.createStatement()) {
            String big = "s".repeat(2049);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'big',"
                    + " 'order_date': '1', 'status': '" + big + "'}"))
                    .satisfies(e -> assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ValidationException"))
                    .hasMessageContaining("Size of hashkey has exceeded the maximum size limit of 2048 bytes");
            assertThat(values(s.executeQuery("SELECT * FROM \"Orders\" WHERE customer_id = 'big'"), "order_date")).isEmpty();
        }
    }

    private static List<String> values(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    private static List<String> physicalTables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection d = IndexTestSupport.direct("dynamo_mem_" + NAME + "_0"); Statement s = d.createStatement();
             ResultSet rs = s.executeQuery("SHOW TABLES")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> triggers() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection d = IndexTestSupport.direct("dynamo_mem_" + NAME + "_0"); Statement s = d.createStatement();
             ResultSet rs = s.executeQuery("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                     + " WHERE TRIGGER_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
