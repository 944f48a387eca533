package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counts the statements each shard database receives, from MariaDB's own general log (as a table;
 * each logged statement's connection is mapped to its database through the process list): a key
 * read reaches one shard, an IN over three partition keys at most three, a scan every shard once.
 */
class ShardStatementCountTest {
    private static final int SHARDS = 4;
    private static final String PREFIX = "dynamo_mem_counted_";
    private static Connection dynamo;
    private static Connection admin;
    private static String physical;

    @BeforeAll
    static void setUp() throws Exception {
        dynamo = DriverManager.getConnection(TestServer.memUrl("counted", SHARDS));
        admin = TestServer.direct("mysql");
        try (Statement s = dynamo.createStatement()) {
            s.execute("CREATE TABLE o (c STRING PARTITION KEY, d STRING SORT KEY)");
            for (int c = 0; c < 20; c++) {
                for (int d = 0; d < 3; d++) {
                    s.executeUpdate("INSERT INTO o VALUE {'c': 'c" + c + "', 'd': 'd" + d + "', 'v': " + (c * d) + "}");
                }
            }
        }
        try (Statement s = dynamo.createStatement()) {
            s.execute("CREATE TABLE gi (id STRING PARTITION KEY, grp STRING, GLOBAL INDEX \"ByGrp\" (grp))");
            for (int i = 0; i < 40; i++) {
                s.executeUpdate("INSERT INTO gi VALUE {'id': 'i" + i + "', 'grp': 'g" + (i % 5) + "'}");
            }
        }
        try (Statement s = dynamo.createStatement()) {
            s.execute("CREATE TABLE w (c STRING PARTITION KEY, d STRING SORT KEY)");
            for (int d = 0; d < 3; d++) {
                s.executeUpdate("INSERT INTO w VALUE {'c': 'c5', 'd': 'd" + d + "', 'v': " + d + "}");
            }
        }
        dynamo.unwrap(DynamoConnection.class).database().globalIndexes().catchUp();
        physical = dynamo.unwrap(DynamoConnection.class).database().routing().tables().get("o").physicalName();
        try (Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("SET GLOBAL general_log = 1");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL general_log = 0");
            s.execute("TRUNCATE TABLE mysql.general_log");
        } finally {
            admin.close();
            dynamo.close();
        }
    }

    @Test
    void getItemReachesOneShardOnce() throws Exception {
        Map<String, Integer> counts = count("SELECT * FROM o WHERE c = 'c7' AND d = 'd1'", 1);
        assertThat(counts).hasSize(1);
        assertThat(counts.values()).containsExactly(1);
    }

    @Test
    void queryReachesOneShardOnce() throws Exception {
        Map<String, Integer> counts = count("SELECT * FROM o WHERE c = 'c3' AND d > 'd0'", 2);
        assertThat(counts).hasSize(1);
        assertThat(counts.values()).containsExactly(1);
    }

    @Test
    void inOverThreePartitionKeysReachesAtMostThreeShards() throws Exception {
        Map<String, Integer> counts = count("SELECT * FROM o WHERE c IN ('c1', 'c2', 'c3')", 9);
        assertThat(counts.size()).isBetween(1, 3);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(3);
    }

    @Test
    void scanReachesEveryShardOnce() throws Exception {
        int expected = 0;
        for (int c = 0; c < 20; c++) {
            for (int d = 0; d < 3; d++) {
                expected += c * d > 10 ? 1 : 0;
            }
        }
        Map<String, Integer> counts = count("SELECT * FROM o WHERE v > 10", expected);
        assertThat(counts).hasSize(SHARDS);
        assertThat(counts.values()).containsOnly(1);
    }

    @Test
    void sqlExtensionWithGlobalIndexKeyEqualityReachesOneShardOnce() throws Exception {
        String gi = dynamo.unwrap(DynamoConnection.class).database().routing().tables().get("gi").physicalName();
        Map<String, Integer> counts = count("SELECT COUNT(*) AS n FROM gi WHERE grp = 'g3'", 1, gi);
        assertThat(counts).hasSize(1);
        assertThat(counts.values()).containsExactly(1);
        Map<String, Integer> scan = count("SELECT COUNT(*) AS n FROM gi WHERE TRIM(grp) = 'g3'", 1, gi);
        assertThat(scan).hasSize(SHARDS);
    }

    @Test
    void countStarIsOneCountPerShard() throws Exception {
        Map<String, Integer> counts = count("SELECT COUNT(*) AS n FROM o", 1);
        assertThat(counts).hasSize(SHARDS);
        assertThat(counts.values()).containsOnly(1);
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM mysql.general_log WHERE command_type IN ('Query', 'Execute')"
                        + " AND CONVERT(argument USING utf8mb4) LIKE 'SELECT COUNT(*) FROM " + physical + "%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SHARDS);
        }
    }

    @Test
    void rowCountForCalciteIsTheShardsEstimate() throws Exception {
        try (Statement s = admin.createStatement()) {
            for (int i = 0; i < SHARDS; i++) {
                s.execute("ANALYZE TABLE " + PREFIX + i + "." + physical);
            }
        }
        var db = dynamo.unwrap(DynamoConnection.class).database();
        Double rows = new dev.jdbcdynamo.engine.exec.ShardItemSource(db).rowCount(db.routing().tables().get("o"));
        assertThat(rows).isEqualTo(60.0);
    }

    @Test
    void aBatchOfInsertsSendsEachShardOneRequest() throws Exception {
        Map<String, Integer> counts = countDuring(physical("w"), () -> {
            try (var ps = dynamo.prepareStatement("INSERT INTO w VALUE {'c': ?, 'd': 'batch', 'v': 1}")) {
                for (int i = 0; i < 25; i++) {
                    ps.setString(1, "b" + i);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsOnly(1);
            }
        });
        assertThat(counts).hasSize(SHARDS);
        assertThat(counts.values()).as("one request of inserts per shard, no read").containsOnly(1);
        try (Statement s = dynamo.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) AS n FROM w WHERE d = 'batch'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(25);
        }
    }

    @Test
    void aBatchOfGetItemsSendsEachShardOneRead() throws Exception {
        List<String> found = new ArrayList<>();
        Map<String, Integer> counts = countDuring(physical, () -> {
            try (var ps = dynamo.prepareStatement("SELECT v FROM o WHERE c = ? AND d = 'd2'")) {
                for (int c = 0; c < 20; c++) {
                    ps.setString(1, "c" + c);
                    ps.addBatch();
                }
                ps.setString(1, "nobody");
                ps.addBatch();
                int[] rows = ps.executeBatch();
                assertThat(rows).hasSize(21);
                assertThat(rows[20]).isZero();
                for (var r : ps.unwrap(dev.jdbcdynamo.api.DynamoBatch.class).batchResults()) {
                    found.add(r.itemJson());
                }
            }
        });
        assertThat(counts).hasSize(SHARDS);
        assertThat(counts.values()).as("one read per shard").containsOnly(1);
        for (int c = 0; c < 20; c++) {
            assertThat(found.get(c)).isEqualTo("{\"v\":{\"N\":\"" + (c * 2) + "\"}}");
        }
        assertThat(found.get(20)).isNull();
    }

    @Test
    void aTransactionOnOneShardLocksAndWritesInOneRequestEach() throws Exception {
        Map<String, Integer> counts = countDuring(physical("w"), () -> {
            dynamo.setAutoCommit(false);
            try (Statement s = dynamo.createStatement()) {
                s.executeUpdate("UPDATE w SET v = v + 1 WHERE c = 'c5' AND d = 'd0'");
                s.executeUpdate("UPDATE w SET v = v + 1 WHERE c = 'c5' AND d = 'd1'");
                s.executeUpdate("DELETE FROM w WHERE c = 'c5' AND d = 'd2'");
                dynamo.commit();
            } finally {
                dynamo.setAutoCommit(true);
            }
        });
        assertThat(counts).hasSize(1);
        assertThat(counts.values()).as("one locking read, one request of writes").containsExactly(2);
        try (Statement s = dynamo.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT d, v FROM w WHERE c = 'c5'")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getInt(2));
            }
            assertThat(rows).containsExactly("d0=1", "d1=2");
        }
    }

    private static String physical(String table) throws SQLException {
        return dynamo.unwrap(DynamoConnection.class).database().routing().tables().get(table).physicalName();
    }

    /** Runs a query, checks how many items it gave, and counts the statements each shard logged. */
    private static Map<String, Integer> count(String sql, int expectedItems) throws SQLException {
        return count(sql, expectedItems, physical);
    }

    /** As above, counting the statements that read the physical table {@code table} or its indexes. */
    private static Map<String, Integer> count(String sql, int expectedItems, String table) throws SQLException {
        Map<String, Integer> counts = countDuring(table, () -> {
            int items = 0;
            try (Statement s = dynamo.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    items++;
                }
            }
            assertThat(items).as(sql).isEqualTo(expectedItems);
        });
        System.out.println(sql + " -> " + counts);
        return counts;
    }

    /** JDBC work that may throw. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Per shard database, the requests that read or write the physical table {@code table} (or its
     * indexes) that the shards logged while {@code work} ran.
     */
    private static Map<String, Integer> countDuring(String table, Work work) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("TRUNCATE TABLE mysql.general_log");
        }
        work.run();
        Map<Long, String> databaseOf = new HashMap<>();
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID, DB FROM information_schema.PROCESSLIST WHERE DB LIKE '"
                     + PREFIX + "%'")) {
            while (rs.next()) {
                databaseOf.put(rs.getLong(1), rs.getString(2));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        List<String> statements = new ArrayList<>();
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT thread_id, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                     + " WHERE command_type IN ('Query', 'Execute')")) {
            while (rs.next()) {
                String db = databaseOf.get(rs.getLong(1));
                String text = rs.getString(2);
                if (db != null && (text.contains(" FROM " + table) || text.contains("INTO " + table + " ")
                        || text.contains("UPDATE " + table + " "))) {
                    counts.merge(db, 1, Integer::sum);
                    statements.add(db + ": " + text);
                }
            }
        }
        assertThat(counts).as(String.join("\n", statements)).isNotEmpty();
        return counts;
    }
}
