package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DynamoDB's limits are rejected with its errors and nothing written; values never become SQL
 * text, whatever they contain.
 */
class LimitsAndInjectionTest {
    private static Connection conn;

    @BeforeAll
    static void open() throws Exception {
        conn = DriverManager.getConnection(TestServer.memUrl("limits", 2));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE t (pk STRING PARTITION KEY, sk STRING SORT KEY)");
        }
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    private static int count(String pk) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM t WHERE pk = ?")) {
            ps.setString(1, pk);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static void assertRejected(String pk, String sk, Object value, String messagePart) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUE {'pk': ?, 'sk': ?, 'v': ?}")) {
            ps.setString(1, pk);
            ps.setString(2, sk);
            assertThatThrownBy(() -> {
                ps.setObject(3, value);
                ps.executeUpdate();
            }).isInstanceOfSatisfying(DynamoSqlException.class, e -> {
                assertThat(e.errorName()).isEqualTo("ValidationException");
                assertThat(((SQLException) e).getMessage()).contains(messagePart);
            });
        }
        assertThat(pk.length() > 2048 ? 0 : count(pk)).isZero();
    }

    @Test
    void itemOver400KbIsRejected() throws Exception {
        assertRejected("big", "1", "x".repeat(410_000), "Item size has exceeded the maximum allowed size");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUE {'pk': 'big', 'sk': '2', 'v': ?}")) {
            ps.setString(1, "x".repeat(400_000));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void keysOverTheirLimitsAreRejected() throws Exception {
        assertRejected("p".repeat(2049), "1", "v", "2048 bytes");
        assertRejected("longsk", "s".repeat(1025), "v", "1024 bytes");
        assertRejected("", "1", "v", "empty string");
    }

    @Test
    void numbersOutOfDynamoDbsRangeAreRejected() throws Exception {
        assertRejected("num", "1", new BigDecimal("1234567890123456789012345678901234567890"), "38 digits");
        assertRejected("num", "2", new BigDecimal("1E+126"), "overflow");
        assertRejected("num", "3", new BigDecimal("1E-131"), "underflow");
    }

    @Test
    void emptySetsAreRejected() throws Exception {
        try (Statement s = conn.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO t VALUE {'pk': 'set', 'sk': '1', 'v': <<>>}"))
                    .isInstanceOf(DynamoSqlException.class);
        }
        assertRejected("set", "2", Set.of(), "");
        assertThat(count("set")).isZero();
    }

    @Test
    void statementsOver8192CharactersAreRejected() {
        String sql = "SELECT * FROM t WHERE pk = '" + "a".repeat(8200) + "'";
        assertThatThrownBy(() -> conn.createStatement().executeQuery(sql))
                .isInstanceOfSatisfying(DynamoSqlException.class,
                        e -> assertThat(e.errorName()).isEqualTo("ValidationException"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's", "a\\'b", "x'); DROP TABLE dt_1; --", "/* c */ -- d", "\\", "\"q\"", "; DROP DATABASE x",
        "\u0000nul", "tab\tnew\nline", "\uD83D\uDE00"})
    void valuesNeverBecomeSqlText(String nasty) throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(nasty, nasty);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUE {'pk': ?, 'sk': ?, 'm': ?, 'l': ?}")) {
            ps.setString(1, "inj");
            ps.setString(2, nasty);
            ps.setObject(3, map);
            ps.setObject(4, List.of(nasty));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM t WHERE pk = 'inj' AND sk = ?")) {
            ps.setString(1, nasty);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("sk")).isEqualTo(nasty);
                var item = DynamoJson.readItem(rs.unwrap(DynamoResultSet.class).itemJson());
                AttributeValue.S value = new AttributeValue.S(nasty);
                assertThat(item.get("m")).isEqualTo(new AttributeValue.M(Map.of(nasty, value)));
                assertThat(item.get("l")).isEqualTo(new AttributeValue.L(List.of(value)));
            }
        }
        // The same text as a literal in the statement itself, with PartiQL's quote doubling.
        String literal = nasty.replace("'", "''");
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT sk FROM t WHERE pk = 'inj' AND sk = '" + literal + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(nasty);
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t WHERE pk = 'inj'")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
