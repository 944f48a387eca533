package dev.jdbcdynamo.driver.resultset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory metadata ResultSet, without a database. */
class MetadataResultSetTest {
    private static final List<MetadataResultSet.Column> COLUMNS =
            MetadataResultSet.Column.list("TABLE_NAME KEY_SEQ:SMALLINT ORDINAL_POSITION:INTEGER PAGES:BIGINT"
                    + " NON_UNIQUE:BOOLEAN REMARKS");

    private static MetadataResultSet twoRows() {
        return new MetadataResultSet(COLUMNS, List.of(
                new Object[] {"Orders", 1, 7, 12L, false, null},
                new Object[] {"my_table", (short) 2, null, 3, true, "42"}));
    }

    @Test
    void readsRowsForwardWithConversions() throws SQLException {
        try (ResultSet rs = twoRows()) {
            assertThat(rs.isBeforeFirst()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getRow()).isEqualTo(1);
            assertThat(rs.getString(1)).isEqualTo("Orders");
            assertThat(rs.getShort("KEY_SEQ")).isEqualTo((short) 1);
            assertThat(rs.getObject("KEY_SEQ")).isEqualTo(1);
            assertThat(rs.getInt(3)).isEqualTo(7);
            assertThat(rs.getString(3)).isEqualTo("7");
            assertThat(rs.getLong("pages")).isEqualTo(12L);
            assertThat(rs.getObject("PAGES")).isEqualTo(12L);
            assertThat(rs.getBoolean("NON_UNIQUE")).isFalse();
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getString("REMARKS")).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getInt("REMARKS")).isZero();
            assertThat(rs.wasNull()).isTrue();

            assertThat(rs.next()).isTrue();
            assertThat(rs.isLast()).isTrue();
            assertThat(rs.getObject("KEY_SEQ")).isEqualTo(2);
            assertThat(rs.getInt(3)).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getObject(3, Integer.class)).isNull();
            assertThat(rs.getObject("PAGES", Long.class)).isEqualTo(3L);
            assertThat(rs.getBoolean(5)).isTrue();
            assertThat(rs.getInt("REMARKS")).isEqualTo(42);
            assertThat(rs.getBigDecimal("REMARKS")).isEqualByComparingTo("42");

            assertThat(rs.next()).isFalse();
            assertThat(rs.next()).isFalse();
            assertThat(rs.isAfterLast()).isTrue();
            assertThat(rs.getRow()).isZero();
        }
    }

    @Test
    void findsColumnsIgnoringCase() throws SQLException {
        try (ResultSet rs = twoRows()) {
            assertThat(rs.findColumn("table_name")).isEqualTo(1);
            assertThat(rs.findColumn("Non_Unique")).isEqualTo(5);
            assertThatThrownBy(() -> rs.findColumn("NOPE")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("NOPE");
        }
    }

    @Test
    void metaDataDescribesTypedColumns() throws SQLException {
        ResultSetMetaData md = twoRows().getMetaData();
        assertThat(md.getColumnCount()).isEqualTo(6);
        assertThat(md.getColumnName(1)).isEqualTo("TABLE_NAME");
        assertThat(md.getColumnLabel(2)).isEqualTo("KEY_SEQ");
        assertThat(md.getColumnType(1)).isEqualTo(Types.VARCHAR);
        assertThat(md.getColumnType(2)).isEqualTo(Types.SMALLINT);
        assertThat(md.getColumnType(4)).isEqualTo(Types.BIGINT);
        assertThat(md.getColumnType(5)).isEqualTo(Types.BOOLEAN);
        assertThat(md.getColumnTypeName(2)).isEqualTo("SMALLINT");
        assertThat(md.getColumnTypeName(1)).isEqualTo("VARCHAR");
        assertThat(md.getColumnClassName(2)).isEqualTo(Integer.class.getName());
        assertThat(md.getColumnClassName(4)).isEqualTo(Long.class.getName());
        assertThat(md.isReadOnly(1)).isTrue();
        assertThat(md.isWrapperFor(ResultSetMetaData.class)).isTrue();
        assertThatThrownBy(() -> md.getColumnName(7)).isInstanceOf(SQLException.class);
    }

    @Test
    void emptyResultKeepsItsColumns() throws SQLException {
        try (ResultSet rs = MetadataResultSet.empty(MetadataResultSet.Column.list("TABLE_CAT"))) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("TABLE_CAT");
            assertThat(rs.isBeforeFirst()).isFalse();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void isForwardOnlyAndReadOnly() throws SQLException {
        ResultSet rs = twoRows();
        assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(rs.getStatement()).isNull();
        assertThatThrownBy(rs::previous).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::first).isInstanceOf(SQLFeatureNotSupportedException.class);
        rs.next();
        assertThatThrownBy(() -> rs.updateString(1, "x")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::updateRow).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(rs.unwrap(MetadataResultSet.class)).isSameAs(rs);
        assertThat(rs.isWrapperFor(ResultSet.class)).isTrue();
        assertThatThrownBy(() -> rs.unwrap(String.class)).isInstanceOf(SQLException.class);
    }

    @Test
    void rejectsReadsOffRowsAndAfterClose() throws SQLException {
        ResultSet rs = twoRows();
        assertThatThrownBy(() -> rs.getString(1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("not positioned");
        rs.next();
        assertThatThrownBy(() -> rs.getString(0)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> rs.getString(7)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Orders");
        rs.close();
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    }

    /** The same value read through every getter gives the same answer (or the same error) as in an item. */
    @Test
    void convertsExactlyAsItemResultSetsDo() throws SQLException {
        List<Object[]> cases = List.of(
                new Object[] {"VARCHAR", "2.5", new AttributeValue.S("2.5")},
                new Object[] {"VARCHAR", "yes", new AttributeValue.S("yes")},
                new Object[] {"VARCHAR", "2026-01-02", new AttributeValue.S("2026-01-02")},
                new Object[] {"BIGINT", 40_000L, new AttributeValue.N(BigDecimal.valueOf(40_000))},
                new Object[] {"BOOLEAN", true, new AttributeValue.Bool(true)});
        for (Object[] c : cases) {
            ResultSet metadata = new MetadataResultSet(MetadataResultSet.Column.list("V:" + c[0]),
                    List.<Object[]>of(new Object[] {c[1]}));
            ResultShape shape = new ResultShape("t", List.of(new ResultShape.Column("V", Types.VARCHAR, "VARCHAR")),
                    false);
            ResultSet item = new ItemResultSet(null, shape, List.of(Map.of("V", (AttributeValue) c[2])), 0);
            metadata.next();
            item.next();
            List<Getter> getters = List.of(rs -> rs.getString(1), rs -> rs.getBoolean(1), rs -> rs.getShort(1),
                    rs -> rs.getInt(1), rs -> rs.getLong(1), rs -> rs.getDouble(1), rs -> rs.getBigDecimal(1),
                    rs -> rs.getDate(1), rs -> rs.getObject(1, String.class), rs -> rs.getObject(1, Double.class),
                    rs -> rs.getString("v"), rs -> rs.getArray(1));
            for (Getter getter : getters) {
                assertThat(outcome(metadata, getter)).as("%s %s", c[0], c[1]).isEqualTo(outcome(item, getter));
            }
        }
    }

    private interface Getter {
        Object read(ResultSet rs) throws SQLException;
    }

    private static Object outcome(ResultSet rs, Getter getter) {
        try {
            Object value = getter.read(rs);
            return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        } catch (SQLException e) {
            return e.getClass().getSimpleName() + ":" + e.getSQLState() + ":" + e.getMessage();
        }
    }

    @Test
    void checksNarrowingConversions() throws SQLException {
        ResultSet rs = new MetadataResultSet(MetadataResultSet.Column.list("N:BIGINT"),
                List.<Object[]>of(new Object[] {40_000L}));
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(40_000);
        assertThatThrownBy(() -> rs.getShort(1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("short");
    }

    @Test
    void rejectsRowsThatDoNotFitTheColumns() {
        assertThatThrownBy(() -> new MetadataResultSet(COLUMNS, List.<Object[]>of(new Object[] {"x"})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetadataResultSet(MetadataResultSet.Column.list("N:INTEGER"),
                List.<Object[]>of(new Object[] {"7"}))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetadataResultSet.Column.list("X:NOT_A_TYPE"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
