package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData on real tables: what a tool sees when it browses. */
class DatabaseMetaDataTest {
    private static Connection conn;

    @BeforeAll
    static void open() throws Exception {
        conn = DriverManager.getConnection(TestServer.memUrl("metadata", 2));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY,"
                    + " total NUMBER)");
            s.execute("CREATE TABLE my_table (id NUMBER PARTITION KEY)");
            s.execute("CREATE TABLE myxtable (id BINARY PARTITION KEY)");
        }
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    private static List<String> strings(ResultSet rs, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    @Test
    void tablesColumnsAndKeys() throws Exception {
        DatabaseMetaData md = conn.getMetaData();
        assertThat(strings(md.getTables(null, null, "%", null), "TABLE_NAME"))
                .containsExactlyInAnyOrder("Orders", "my_table", "myxtable");
        String escaped = "my" + md.getSearchStringEscape() + "_table";
        assertThat(strings(md.getTables(null, null, escaped, null), "TABLE_NAME")).containsExactly("my_table");
        assertThat(strings(md.getColumns(null, null, "Orders", "%"), "COLUMN_NAME"))
                .containsExactly("customer_id", "order_date", "total", "item_json");
        try (ResultSet rs = md.getColumns(null, null, "Orders", "total")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
        }
        assertThat(strings(md.getPrimaryKeys(null, null, "Orders"), "COLUMN_NAME"))
                .containsExactlyInAnyOrder("customer_id", "order_date");
        assertThat(strings(md.getIndexInfo(null, null, "Orders", false, true), "INDEX_NAME")).contains("PRIMARY");
        assertThat(md.getURL()).startsWith("jdbc:dynamo:mem:metadata");
        assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(strings(md.getImportedKeys(null, null, "Orders"), "PKTABLE_NAME")).isEmpty();
    }
}
