package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC type of each DynamoDB type, setObject for the Java types tools bind, getObject(i, Class). */
class JdbcTypesTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(TestServer.memUrl("jdbctypes", 2));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"T\" (id STRING PARTITION KEY, n NUMBER)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void columnTypesFollowDynamoTypes() throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"T\" VALUE {'id': 'types', 'n': 1, 's': 'x', 'bool': true,"
                    + " 'm': {'a': 1}, 'l': [1, 'x'], 'ss': <<'a'>>, 'ns': <<1, 2>>}");
            try (ResultSet rs = s.executeQuery("SELECT * FROM \"T\" WHERE id = 'types'")) {
                ResultSetMetaData md = rs.getMetaData();
                assertThat(type(md, "id")).isEqualTo(Types.VARCHAR);
                assertThat(type(md, "n")).isEqualTo(Types.DECIMAL);
                assertThat(type(md, "bool")).isEqualTo(Types.BOOLEAN);
                assertThat(type(md, "m")).isEqualTo(Types.VARCHAR);
                assertThat(md.getColumnTypeName(rs.findColumn("m"))).contains("JSON");
                assertThat(type(md, "l")).isEqualTo(Types.ARRAY);
                assertThat(type(md, "ss")).isEqualTo(Types.ARRAY);
                assertThat(md.getColumnTypeName(rs.findColumn("ns"))).isEqualTo("NUMBER_SET");
                assertThat(md.getColumnClassName(rs.findColumn("l"))).isEqualTo(Array.class.getName());
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    assertThat(md.getTableName(i)).isEqualTo("T");
                    assertThat(md.getSchemaName(i)).isEmpty();
                }
                assertThat(rs.next()).isTrue();
                Array ns = rs.getArray("ns");
                assertThat(ns.getBaseType()).isEqualTo(Types.DECIMAL);
                assertThat((BigDecimal[]) ns.getArray()).containsExactlyInAnyOrder(BigDecimal.ONE, new BigDecimal(2));
                assertThat((String[]) ((Array) rs.getObject("ss")).getArray()).containsExactly("a");
                assertThat(rs.getObject("l", List.class)).containsExactly(BigDecimal.ONE, "x");
                assertThat(rs.getObject("m", Map.class)).containsEntry("a", BigDecimal.ONE);
                assertThat(rs.getString("m")).isEqualTo("{\"M\":{\"a\":{\"N\":\"1\"}}}");
                assertThat(rs.getObject("n", BigInteger.class)).isEqualTo(BigInteger.ONE);
                assertThat(rs.getObject("n", Short.class)).isEqualTo((short) 1);
                assertThatThrownBy(() -> rs.getArray("m")).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void setObjectTakesTheTypesToolsBind() throws Exception {
        UUID uuid = UUID.randomUUID();
        Instant instant = Instant.parse("2024-05-06T07:08:09Z");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"T\" VALUE {'id': ?, 'n': ?, 'date': ?,"
                + " 'ts': ?, 'ldt': ?, 'uuid': ?, 'arr': ?, 'bin': ?, 'text': ?, 'sqlarr': ?}")) {
            ps.setObject(1, "bound");
            ps.setObject(2, "12.50", Types.DECIMAL);
            ps.setObject(3, LocalDate.of(2024, 5, 6));
            ps.setObject(4, Timestamp.from(instant));
            ps.setObject(5, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
            ps.setObject(6, uuid);
            ps.setObject(7, new Object[] {"a", 1});
            ps.setBinaryStream(8, new ByteArrayInputStream(new byte[] {1, 2, 3}));
            ps.setCharacterStream(9, new StringReader("streamed"));
            ps.setArray(10, c.createArrayOf("STRING", new Object[] {"x"}));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"T\" WHERE id = 'bound'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal("n")).isEqualByComparingTo("12.5");
            assertThat(rs.getObject("date", LocalDate.class)).isEqualTo(LocalDate.of(2024, 5, 6));
            assertThat(rs.getObject("ts", Instant.class)).isEqualTo(instant);
            assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.from(instant));
            assertThat(rs.getObject("ldt", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
            assertThat(rs.getObject("uuid", UUID.class)).isEqualTo(uuid);
            assertThat(rs.getObject("arr", List.class)).containsExactly("a", BigDecimal.ONE);
            assertThat(rs.getBytes("bin")).containsExactly(1, 2, 3);
            assertThat(rs.getString("text")).isEqualTo("streamed");
            assertThat(rs.getObject("sqlarr", List.class)).containsExactly("x");
            assertThatThrownBy(() -> rs.getObject("uuid", Set.class)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("as java.util.Set");
        }
    }

    private static int type(ResultSetMetaData md, String column) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnLabel(i).equals(column)) {
                return md.getColumnType(i);
            }
        }
        throw new AssertionError("no column " + column);
    }
}
