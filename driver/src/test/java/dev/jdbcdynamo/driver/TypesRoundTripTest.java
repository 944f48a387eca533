package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every DynamoDB type goes in through a JDBC setter and comes back as the same Java type. */
class TypesRoundTripTest {

    @Test
    void everyTypeRoundTrips() throws Exception {
        try (Connection c = DriverManager.getConnection(TestServer.memUrl("types", 2))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id STRING PARTITION KEY)");
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("n", new BigDecimal("1.5"));
            map.put("l", List.of("a", new BigDecimal("2")));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUE {'id': ?, 's': ?, 'n': ?, 'i': ?, "
                    + "'b': ?, 'bool': ?, 'nul': ?, 'm': ?, 'l': ?, 'ss': ?, 'ns': ?, 'bs': ?}")) {
                ps.setString(1, "x");
                ps.setString(2, "text");
                ps.setBigDecimal(3, new BigDecimal("-12.50"));
                ps.setLong(4, Long.MAX_VALUE);
                ps.setBytes(5, new byte[] {0, (byte) 0xFF});
                ps.setBoolean(6, true);
                ps.setNull(7, Types.NULL);
                ps.setObject(8, map);
                ps.setObject(9, List.of(true, "x"));
                ps.setObject(10, Set.of("a", "b"));
                ps.setObject(11, Set.of(1, 2));
                ps.setObject(12, Set.of(new byte[] {1}));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t WHERE id = 'x'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject("s")).isEqualTo("text");
                assertThat(rs.getBigDecimal("n")).isEqualByComparingTo("-12.5");
                assertThat(rs.getLong("i")).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getBytes("b")).containsExactly(0, 0xFF);
                assertThat(rs.getObject("bool")).isEqualTo(Boolean.TRUE);
                assertThat(rs.getObject("nul")).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getObject("m", Map.class).get("n")).isEqualTo(new BigDecimal("1.5"));
                assertThat(rs.getObject("m")).isEqualTo(rs.getString("m"));
                assertThat(rs.getObject("l", List.class)).isEqualTo(List.of(true, "x"));
                assertThat((Object[]) rs.getArray("l").getArray()).containsExactly(true, "x");
                assertThat(rs.getObject("ss", Set.class)).isEqualTo(Set.of("a", "b"));
                assertThat((Object[]) ((java.sql.Array) rs.getObject("ns")).getArray()).hasSize(2);
                List<Object> bs = List.copyOf(rs.getObject("bs", Set.class));
                assertThat(bs).containsExactly(ByteBuffer.wrap(new byte[] {1}));
                assertThat(rs.getString("m")).contains("\"M\"");
            }
        }
    }
}
