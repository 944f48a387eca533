package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys compare as DynamoDB compares them, through the whole stack on real shards. */
class KeyOrderTest {
    private static Connection conn;

    @BeforeAll
    static void open() throws Exception {
        conn = DriverManager.getConnection(TestServer.memUrl("keyorder", 3));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE nums (p STRING PARTITION KEY, n NUMBER SORT KEY)");
            s.execute("CREATE TABLE strs (p STRING PARTITION KEY, s STRING SORT KEY)");
            s.execute("CREATE TABLE bins (p BINARY PARTITION KEY, b BINARY SORT KEY)");
        }
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    private static List<String> column(String sql, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    @Test
    void numberSortKeysOrderNumericallyOverTheWholeRange() throws Exception {
        String[] values = {"9.99E+125", "10", "-0.5", "1E-130", "0", "-1E+10", "2", "-1"};
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO nums VALUE {'p': 'x', 'n': ?}")) {
            for (String v : values) {
                ps.setBigDecimal(1, new BigDecimal(v));
                ps.executeUpdate();
            }
        }
        List<BigDecimal> read = new ArrayList<>();
        for (String s : column("SELECT * FROM nums WHERE p = 'x'", "n")) {
            read.add(new BigDecimal(s));
        }
        assertThat(read).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("-1E+10"), new BigDecimal("-1"), new BigDecimal("-0.5"), BigDecimal.ZERO,
                new BigDecimal("1E-130"), new BigDecimal("2"), BigDecimal.TEN, new BigDecimal("9.99E+125"));
        assertThat(column("SELECT * FROM nums WHERE p = 'x' AND n > -1 AND n <= 2", "n"))
                .hasSize(4);
        assertThat(column("SELECT * FROM nums WHERE p = 'x' ORDER BY n DESC", "n").get(0)).contains("999");
    }

    @Test
    void twoAndTwoPointZeroAreTheSameKey() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO nums VALUE {'p': 'same', 'n': 2, 'v': 'first'}");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO nums VALUE {'p': 'same', 'n': 2.0, 'v': 'second'}"))
                    .isInstanceOfSatisfying(DynamoSqlException.class,
                            e -> assertThat(e.errorName()).isEqualTo("DuplicateItemException"));
            assertThat(column("SELECT * FROM nums WHERE p = 'same' AND n = 2.00", "v")).containsExactly("first");
        }
    }

    @Test
    void stringKeysOrderByUtf8BytesAndTrailingSpacesMatter() throws Exception {
        // U+FFFF sorts before U+10000 in UTF-8 bytes, though not in Java's UTF-16 order.
        String[] values = {"a ", "b", "\uD800\uDC00", "a", "\uFFFF", "A", "\u00e9"};
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO strs VALUE {'p': 'x', 's': ?}")) {
            for (String v : values) {
                ps.setString(1, v);
                ps.executeUpdate();
            }
        }
        assertThat(column("SELECT * FROM strs WHERE p = 'x'", "s"))
                .containsExactly("A", "a", "a ", "b", "\u00e9", "\uFFFF", "\uD800\uDC00");
        assertThat(column("SELECT * FROM strs WHERE p = 'x' AND s = 'a'", "s")).containsExactly("a");
        assertThat(column("SELECT * FROM strs WHERE p = 'x' AND s = 'a '", "s")).containsExactly("a ");
        assertThat(column("SELECT * FROM strs WHERE p = 'x' AND begins_with(s, 'a')", "s"))
                .containsExactly("a", "a ");
    }

    @Test
    void binaryKeysOrderUnsigned() throws Exception {
        byte[][] values = {{(byte) 0x80}, {0x01}, {(byte) 0xFF, 0x00}, {0x7F}};
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bins VALUE {'p': ?, 'b': ?}")) {
            for (byte[] v : values) {
                ps.setBytes(1, new byte[] {1, 2});
                ps.setBytes(2, v);
                ps.executeUpdate();
            }
        }
        List<byte[]> read = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM bins WHERE p = ?")) {
            ps.setBytes(1, new byte[] {1, 2});
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.add(rs.getBytes("b"));
                }
            }
        }
        assertThat(read).containsExactly(new byte[] {0x01}, new byte[] {0x7F}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xFF, 0x00});
    }
}
