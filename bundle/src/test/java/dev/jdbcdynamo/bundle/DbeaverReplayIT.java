package dev.jdbcdynamo.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DBeaver's calls on connect, while browsing, in the data tab and on a cell edit, replayed against
 * the shaded jar loaded in a class loader that holds only it and its companion jar.
 */
class DbeaverReplayIT {
    private static URLClassLoader loader;
    private static Driver driver;
    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        loader = BundleJar.freshLoader();
        driver = BundleJar.driver(loader);
        assertThat(driver.getClass().getClassLoader()).isSameAs(loader);
        // As in a host that never sets the context class loader to the driver's: the platform
        // loader sees none of the driver's classes (the test's own loader would show unshaded copies).
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
        // A host that used DriverManager before: it registered its own drivers, none of the jar's.
        java.sql.DriverManager.getDrivers();
        // DBeaver calls Driver.connect directly, never DriverManager.
        connection = driver.connect("jdbc:dynamo:mem:dbeaver?shards=2", new Properties());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY,"
                    + " total NUMBER, status STRING, LOCAL INDEX \"ByTotal\" (total) PROJECTION ALL,"
                    + " GLOBAL INDEX \"ByStatus\" (status, order_date) PROJECTION INCLUDE (total))");
            s.execute("CREATE TABLE \"order_items\" (id STRING PARTITION KEY)");
            s.execute("CREATE TABLE \"orderXitems\" (id STRING PARTITION KEY)");
            s.execute("CREATE TABLE \"Customers\" (customer_id STRING PARTITION KEY, name STRING)");
            for (int c = 0; c < 7; c++) {
                s.executeUpdate("INSERT INTO \"Customers\" VALUE {'customer_id': 'c" + c + "', 'name': 'name" + c + "'}");
            }
            for (int i = 0; i < 250; i++) {
                s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'c" + (i % 7) + "', 'order_date': '2024-"
                        + String.format("%04d", i) + "', 'total': " + i + ", 'status': 'open', 'tags': ['a', 'b']}");
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        Thread.currentThread().setContextClassLoader(DbeaverReplayIT.class.getClassLoader());
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            loader.close();
        }
    }

    @Test
    void driverComesFromTheShadedJarAndDescribesItsProperties() throws SQLException {
        assertThat(driver.acceptsURL("jdbc:dynamo:mem:")).isTrue();
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:dynamo:mem:", new Properties());
        assertThat(info).extracting(p -> p.name).contains("shards", "language", "user", "password");
        assertThat(info).allSatisfy(p -> assertThat(p.description).isNotBlank());
        // The relocated dependencies are not visible under their own names.
        assertThatThrownBy(() -> Class.forName("com.google.common.collect.ImmutableList", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.calcite.rel.RelNode", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void connectSequence() throws Exception {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getClientInfoProperties()) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("NAME"));
            }
            assertThat(names).contains("ApplicationName");
        }
        connection.setClientInfo("ApplicationName", "DBeaver 24.3.0 - Main");
        assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("DBeaver 24.3.0 - Main");

        // Every no-argument method of DatabaseMetaData (the dialect questions and more) answers.
        int called = 0;
        for (Method m : DatabaseMetaData.class.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                Object answer = invoke(meta, m);
                if (answer instanceof ResultSet rs) {
                    rs.close();
                }
                called++;
            }
        }
        assertThat(called).isGreaterThan(140);
        assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(meta.getSearchStringEscape()).isEqualTo("\\");
        assertThat(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED)).isTrue();
        assertThat(meta.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
        assertThat(meta.supportsConvert(java.sql.Types.INTEGER, java.sql.Types.VARCHAR)).isFalse();

        assertThat(rows(meta.getTypeInfo(), "TYPE_NAME")).contains("STRING", "NUMBER", "BINARY", "BOOLEAN", "JSON");
        List<String> catalogs = rows(meta.getCatalogs(), "TABLE_CAT");
        List<String> schemas = rows(meta.getSchemas(connection.getCatalog(), "%"), "TABLE_SCHEM");
        // The documented mapping: no catalogs, no schemas; tables sit directly under the connection,
        // so DBeaver writes "Orders" and never "db"."Orders" (which would name an index in PartiQL).
        assertThat(catalogs).isEmpty();
        assertThat(schemas).isEmpty();
        assertThat(connection.getCatalog()).isNull();
        assertThat(connection.getSchema()).isNull();
        // The URL DatabaseMetaData reports opens a connection of this driver.
        assertThat(driver.acceptsURL(meta.getURL())).isTrue();
    }

    @Test
    void browse() throws Exception {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        assertThat(rows(meta.getTables(catalog, schema, "%", null), "TABLE_NAME"))
                .containsExactly("Customers", "Orders", "orderXitems", "order_items");
        assertThat(rows(meta.getColumns(catalog, schema, "Orders", "%"), "COLUMN_NAME"))
                .startsWith("customer_id", "order_date", "total", "status").endsWith("item_json");
        assertThat(rows(meta.getPrimaryKeys(catalog, schema, "Orders"), "COLUMN_NAME"))
                .containsExactly("customer_id", "order_date");
        assertThat(rows(meta.getImportedKeys(catalog, schema, "Orders"), "PKTABLE_NAME")).isEmpty();
        assertThat(rows(meta.getIndexInfo(catalog, schema, "Orders", false, true), "INDEX_NAME"))
                .containsExactly("PRIMARY", "PRIMARY", "ByStatus", "ByStatus", "ByTotal", "ByTotal");
        // A whole schema at once.
        assertThat(rows(meta.getIndexInfo(catalog, schema, "%", false, true), "TABLE_NAME"))
                .contains("Orders", "order_items", "orderXitems");
        assertThat(rows(meta.getPrimaryKeys(catalog, schema, "%"), "TABLE_NAME"))
                .contains("Orders", "order_items", "orderXitems");
        assertThat(rows(meta.getColumns(catalog, schema, "%", "%"), "TABLE_NAME"))
                .contains("Orders", "order_items", "orderXitems");
        // '_' escaped with the search-string escape matches only itself.
        String escaped = "order" + meta.getSearchStringEscape() + "_items";
        assertThat(rows(meta.getTables(catalog, schema, escaped, null), "TABLE_NAME")).containsExactly("order_items");
        assertThat(rows(meta.getColumns(catalog, schema, escaped, "%"), "TABLE_NAME")).containsOnly("order_items");
        assertThat(rows(meta.getTables(catalog, schema, "order_items", null), "TABLE_NAME"))
                .containsExactly("orderXitems", "order_items");
    }

    @Test
    void dataTabPagesWithMaxRows() throws Exception {
        String qualified = "\"Orders\"";
        int total = 0;
        try (Statement s = connection.createStatement()) {
            s.setMaxRows(200);
            assertThat(s.execute("SELECT * FROM " + qualified)).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                assertThat(md.getColumnLabel(1)).isEqualTo("customer_id");
                assertThat(md.getTableName(1)).isEqualTo("Orders");
                assertThat(md.getColumnLabel(md.getColumnCount())).isEqualTo("item_json");
                while (rs.next()) {
                    total++;
                }
            }
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
        }
        assertThat(total).isEqualTo(200);
        // The next page: DBeaver raises maxRows and skips the rows it has.
        try (Statement s = connection.createStatement()) {
            s.setMaxRows(400);
            assertThat(s.execute("SELECT * FROM " + qualified)).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                for (int i = 0; i < 200; i++) {
                    assertThat(rs.next()).isTrue();
                }
                int rest = 0;
                while (rs.next()) {
                    rest++;
                }
                assertThat(rest).isEqualTo(50);
            }
        }
    }

    @Test
    void cellEditThroughThePrimaryKey() throws Exception {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> keys = rows(meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), "Orders"),
                "COLUMN_NAME");
        String sql = "UPDATE \"Orders\" SET \"total\" = ? WHERE \"" + keys.get(0) + "\" = ? AND \"" + keys.get(1)
                + "\" = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, new java.math.BigDecimal("99.5"));
            ps.setObject(2, "c3");
            ps.setObject(3, "2024-0003");
            if (meta.supportsBatchUpdates()) {
                ps.addBatch();
                assertThat(ps.executeBatch()).containsExactly(1);
            } else {
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT total FROM \"Orders\" WHERE customer_id = ? AND order_date = ?")) {
            ps.setString(1, "c3");
            ps.setString(2, "2024-0003");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("99.5");
            }
        }
    }

    /**
     * The SQL extensions run on Calcite's enumerable operators, which generate Java source and
     * compile it with Janino at run time: an aggregate and a join through the relocated Calcite
     * of the jar (DESIGN section 6). Expected rows are computed from the inserted data.
     */
    @Test
    void aggregatesAndJoinsRunThroughTheRelocatedCalcite() throws Exception {
        List<String> expectedGroups = new ArrayList<>();
        List<String> expectedJoin = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            long n = 0;
            long sum = 0;
            for (int i = 0; i < 250; i++) {
                if (i % 7 == c) {
                    n++;
                    sum += i;
                }
            }
            expectedGroups.add("c" + c + " " + n + " " + sum);
            expectedJoin.add("name" + c + " " + n);
        }
        try (Statement s = connection.createStatement()) {
            List<String> groups = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT customer_id, COUNT(*) AS n, SUM(total) AS s FROM \"Orders\""
                    + " GROUP BY customer_id ORDER BY customer_id")) {
                while (rs.next()) {
                    groups.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3).toPlainString());
                }
            }
            assertThat(groups).containsExactlyElementsOf(expectedGroups);
            List<String> joined = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT c.name, COUNT(*) AS n FROM \"Orders\" o JOIN \"Customers\" c"
                    + " ON o.customer_id = c.customer_id GROUP BY c.name ORDER BY c.name")) {
                while (rs.next()) {
                    joined.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
            assertThat(joined).containsExactlyElementsOf(expectedJoin);
        }
    }

    @Test
    void generatedKeysAreRefusedAsUnsupported() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO \"order_items\" VALUE {'id': 'x'}",
                    Statement.RETURN_GENERATED_KEYS)).isInstanceOf(SQLFeatureNotSupportedException.class);
        }
    }

    private static Object invoke(DatabaseMetaData meta, Method m) throws Exception {
        try {
            return m.invoke(meta);
        } catch (InvocationTargetException e) {
            throw new AssertionError("DatabaseMetaData." + m.getName() + "() threw", e.getCause());
        }
    }

    private static List<String> rows(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }
}
