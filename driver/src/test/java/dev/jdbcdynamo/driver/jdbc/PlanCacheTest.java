package dev.jdbcdynamo.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement calls that differ only in literals share one plan and give the answers they gave before. */
class PlanCacheTest {

    @Test
    void literalsShareOnePlanAndKeepTheirAnswers() throws Exception {
        try (Connection c = DriverManager.getConnection(TestServer.memUrl("plancache", 2));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k STRING PARTITION KEY, n NUMBER SORT KEY)");
            s.executeUpdate("INSERT INTO t VALUE {'k': 'a', 'n': 1, 'v': 10}");
            s.executeUpdate("INSERT INTO t VALUE {'k': 'a', 'n': 2, 'v': 20}");
            s.executeUpdate("INSERT INTO t VALUE {'k': 'b', 'n': 1, 'v': 'x'}");
            DynamoConnection dc = c.unwrap(DynamoConnection.class);

            var first = dc.plan("SELECT * FROM t WHERE k = 'a' AND n > 1");
            var second = dc.plan("SELECT * FROM t WHERE k = 'b' AND n > 0");
            assertThat(second.plan()).isSameAs(first.plan());
            assertThat(keys(s, "SELECT * FROM t WHERE k = 'a' AND n > 1")).containsExactly("a/2");
            assertThat(keys(s, "SELECT * FROM t WHERE k = 'b' AND n > 0")).containsExactly("b/1");
            // A key value of the wrong type is DynamoDB's ValidationException, through the same plan.
            assertThat(dc.plan("SELECT * FROM t WHERE k = 5 AND n > 0").plan()).isSameAs(first.plan());
            assertThatThrownBy(() -> keys(s, "SELECT * FROM t WHERE k = 5 AND n > 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("data type should match")
                    .hasMessageEndingWith("Key k");
            assertThatThrownBy(() -> keys(s, "SELECT * FROM t WHERE k = 'a' AND n > 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageEndingWith("Key n");

            // Errors that depend on the values come from the values, whichever came first.
            String valid = "SELECT * FROM t WHERE k = 'a' AND v BETWEEN 5 AND 15";
            String invalid = "SELECT * FROM t WHERE k = 'a' AND v BETWEEN 15 AND 5";
            assertThat(keys(s, valid)).containsExactly("a/1");
            assertThat(dc.plan(invalid).plan()).isSameAs(dc.plan(valid).plan());
            assertThatThrownBy(() -> keys(s, invalid)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ValidationException");
                assertThat(e.getMessage()).contains("upper bound to be greater than or equal to lower bound");
            });
            assertThatThrownBy(() -> keys(s, "SELECT * FROM t WHERE k = 'a' AND v BETWEEN 'a' AND 5"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
                            .contains("same data type for lower and upper bounds"));
            assertThat(keys(s, "SELECT * FROM t WHERE k IN ('a', 'b') AND v = 'x'")).containsExactly("b/1");
            assertThat(keys(s, "SELECT * FROM t WHERE k IN ('b', 'a') AND v = 20")).containsExactly("a/2");

            // A changed catalog plans again.
            s.execute("CREATE TABLE other (k STRING PARTITION KEY)");
            assertThat(dc.plan("SELECT * FROM t WHERE k = 'z' AND n > 1").plan()).isNotSameAs(first.plan());
            assertThat(keys(s, "SELECT * FROM t WHERE k = 'a' AND n > 1")).containsExactly("a/2");
        }
    }

    private static List<String> keys(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString("k") + "/" + rs.getString("n"));
            }
        }
        return out;
    }
}
