package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoSqlException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** EXPLAIN returns the chosen plan as a row; the full-scan guard refuses scans and allows keyed reads. */
class ExplainTest {

    @Test
    void explainShowsThePlan() throws Exception {
        try (Connection c = DriverManager.getConnection(TestServer.memUrl("explain", 4));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE o (c STRING PARTITION KEY, d STRING SORT KEY)");
            try (ResultSet rs = s.executeQuery(
                    "EXPLAIN SELECT * FROM o WHERE c = 'x' AND begins_with(d, '2024') AND total > 5")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("access_path")).isEqualTo("Query");
                assertThat(rs.getString("key_condition")).isEqualTo("c = {\"S\":\"x\"} AND begins_with(d, {\"S\":\"2024\"})");
                assertThat(rs.getString("filter")).contains("total").contains("5");
                assertThat(rs.getString("shards")).matches("1: ds_[0-3]");
                assertThat(rs.getString("sql")).isEqualTo("SELECT item FROM dt_1 WHERE kid = ? AND pk = ? AND sk >= ? AND sk < ? ORDER BY sk");
            }
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM o WHERE total > 5")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("access_path")).isEqualTo("Scan");
                assertThat(rs.getString("shards")).isEqualTo("all 4");
            }
        }
    }

    @Test
    void fullScanGuardRefusesScansAndAllowsKeyedReads() throws Exception {
        String url = TestServer.memUrl("guard", 2);
        try (Connection owner = DriverManager.getConnection(url); Statement setup = owner.createStatement();
             Connection c = DriverManager.getConnection(url + "&fullScanGuard=true"); Statement s = c.createStatement()) {
            setup.execute("CREATE TABLE g (c STRING PARTITION KEY, d STRING SORT KEY)");
            setup.executeUpdate("INSERT INTO g VALUE {'c': 'x', 'd': '1', 'total': 9}");
            try (ResultSet rs = setup.executeQuery("SELECT * FROM g WHERE total > 5")) {
                assertThat(rs.next()).as("no guard on the first connection").isTrue();
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM g WHERE total > 5"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getMessage()).contains("g").contains("partition key c");
                        assertThat(((DynamoSqlException) e).errorName()).isEqualTo("AccessDeniedException");
                    });
            try (ResultSet rs = s.executeQuery("SELECT * FROM g WHERE c = 'x' AND total > 5")) {
                assertThat(rs.next()).isTrue();
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM g WHERE c IN ('x', 'y') AND d = '1'")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
