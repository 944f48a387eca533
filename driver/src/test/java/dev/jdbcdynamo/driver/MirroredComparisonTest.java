package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A comparison with the value on the left means the mirrored one ({@code 5 < k} is {@code k > 5}):
 * for every operator, on a table's sort key, a local and a global index's sort key and a plain
 * attribute, in SELECT (both languages, and a SQL extension planned by Calcite), UPDATE and
 * DELETE conditions. Each answer is checked against the items computed in Java.
 */
class MirroredComparisonTest {
    private static final int ITEMS = 12;
    private static Connection partiql;
    private static Connection sql;

    @BeforeAll
    static void load() throws Exception {
        partiql = DriverManager.getConnection(TestServer.memUrl("mirror", 2) + "&language=partiql");
        sql = DriverManager.getConnection(TestServer.memUrl("mirror", 2) + "&language=sql");
        try (Statement s = sql.createStatement()) {
            s.execute("CREATE TABLE mt (p STRING PARTITION KEY, k NUMBER SORT KEY, score NUMBER, g STRING,"
                    + " plain NUMBER, LOCAL INDEX \"ByScore\" (score), GLOBAL INDEX \"ByG\" (g, score))");
            for (int i = 0; i < ITEMS; i++) {
                s.executeUpdate("INSERT INTO mt VALUE {'p': 'a', 'k': " + i + ", 'score': " + (100 + i)
                        + ", 'g': 'x', 'plain': " + (200 + i) + "}");
            }
        }
        partiql.unwrap(DynamoConnection.class).database().globalIndexes().catchUp();
    }

    @AfterAll
    static void close() throws SQLException {
        partiql.close();
        sql.close();
    }

    /** The operator as written with the value on the left, and what it means for the attribute. */
    private static IntPredicate meaning(String op, int value) {
        return switch (op) {
            case "=" -> a -> a == value;
            case "<>" -> a -> a != value;
            case "<" -> a -> value < a;
            case "<=" -> a -> value <= a;
            case ">" -> a -> value > a;
            case ">=" -> a -> value >= a;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static List<Integer> expectedKeys(String op, int value, int offset) {
        List<Integer> out = new ArrayList<>();
        IntPredicate holds = meaning(op, value);
        for (int i = 0; i < ITEMS; i++) {
            if (holds.test(i + offset)) {
                out.add(i);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"=", "<>", "<", "<=", ">", ">="})
    void selectsMirrorTheOperator(String op) throws Exception {
        for (Connection c : List.of(partiql, sql)) {
            assertThat(keys(c, "SELECT k FROM mt WHERE 'a' = p AND 5 " + op + " k"))
                    .as("table sort key " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 5, 0));
            assertThat(keys(c, "SELECT k FROM mt WHERE 'a' = p AND 205 " + op + " plain"))
                    .as("plain attribute " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 205, 200));
            if (!op.equals("<>")) {
                assertThat(keys(c, "SELECT k FROM \"mt\".\"ByScore\" WHERE 'a' = p AND 105 " + op + " score"))
                        .as("local index sort key " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 105, 100));
                assertThat(keys(c, "SELECT k FROM \"mt\".\"ByG\" WHERE 'x' = g AND 105 " + op + " score"))
                        .as("global index sort key " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 105, 100));
            }
        }
        // A SQL extension (an alias, an aggregate) is planned by Calcite, which pushes the filter to a key path.
        assertThat(keys(sql, "SELECT k AS kk FROM mt WHERE 'a' = p AND 105 " + op + " score"))
                .as("SQL extension, local index " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 105, 100));
        assertThat(keys(sql, "SELECT k AS kk FROM mt WHERE 'x' = g AND 105 " + op + " score"))
                .as("SQL extension, global index " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 105, 100));
        assertThat(keys(sql, "SELECT k AS kk FROM mt WHERE 'a' = p AND 5 " + op + " k"))
                .as("SQL extension, table " + op).containsExactlyInAnyOrderElementsOf(expectedKeys(op, 5, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"=", "<>", "<", "<=", ">", ">="})
    void writeConditionsMirrorTheOperator(String op) throws Exception {
        for (Connection c : List.of(partiql, sql)) {
            for (int i = 0; i < ITEMS; i++) {
                boolean holds = meaning(op, 205).test(200 + i);
                try (Statement s = c.createStatement()) {
                    int updated = count(s, "UPDATE mt SET touched = 1 WHERE 'a' = p AND " + i + " = k AND 205 " + op
                            + " plain");
                    assertThat(updated).as("UPDATE " + i + " " + op).isEqualTo(holds ? 1 : 0);
                    int deleted = count(s, "DELETE FROM mt WHERE 'a' = p AND " + i + " = k AND 205 " + op + " plain");
                    assertThat(deleted).as("DELETE " + i + " " + op).isEqualTo(holds ? 1 : 0);
                    if (holds) {
                        s.executeUpdate("INSERT INTO mt VALUE {'p': 'a', 'k': " + i + ", 'score': " + (100 + i)
                                + ", 'g': 'x', 'plain': " + (200 + i) + "}");
                    }
                }
            }
        }
        partiql.unwrap(DynamoConnection.class).database().globalIndexes().catchUp();
    }

    /** Rows changed, or 0 when DynamoDB's condition failed. */
    private static int count(Statement s, String statement) {
        try {
            return s.executeUpdate(statement);
        } catch (SQLException e) {
            assertThat(e.getMessage()).contains("The conditional request failed");
            return 0;
        }
    }

    private static List<Integer> keys(Connection c, String query) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getBigDecimal(1).intValueExact());
            }
        }
        return out;
    }
}
