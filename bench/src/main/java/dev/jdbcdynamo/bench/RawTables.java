package dev.jdbcdynamo.bench;

import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.KeyCodec;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The shard databases of the hand-written contenders ({@code bench_raw_0..n}) on the shared
 * server, with the driver's storage layout, its ring and its items, and the SQL they send.
 *
 * <p>A write of one item is one statement: the counter is incremented inside MySQL with
 * {@code JSON_SET}, and a conditional update puts its condition in the {@code WHERE} clause, so
 * these contenders are the one-round-trip floor the driver is measured against.
 */
final class RawTables {
    static final String MAIN = "dt_bench";
    static final String SCAN = "dt_scan";

    static final String GET = "SELECT item FROM " + MAIN + " WHERE kid = ? AND pk = ? AND sk = ?";
    static final String INSERT = "INSERT INTO " + MAIN + " (kid, pk, sk, item) VALUES (?, ?, ?, ?)";
    private static final String INCREMENT = "UPDATE " + MAIN
            + " SET item = JSON_SET(item, '$.n.N', CAST(CAST(JSON_VALUE(item, '$.n.N') AS DECIMAL(38)) + 1 AS CHAR))"
            + " WHERE kid = ? AND pk = ? AND sk = ?";
    static final String COUNTER = INCREMENT;
    static final String CONDITIONAL_FAIL = INCREMENT + " AND CAST(JSON_VALUE(item, '$.n.N') AS DECIMAL(38)) < 0";
    static final String QUERY = "SELECT item FROM " + MAIN + " WHERE kid = ? AND pk = ? ORDER BY sk";
    static final String SCAN_ALL = "SELECT item FROM " + SCAN;

    /** The same connector-j settings as the driver's shard pools. */
    static final String URL_OPTIONS = "useSSL=false&allowPublicKeyRetrieval=true"
            + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&cachePrepStmts=true&prepStmtCacheSize=500"
            + "&prepStmtCacheSqlLimit=4096&useLocalSessionState=true&rewriteBatchedStatements=true"
            + "&connectTimeout=5000&tcpKeepAlive=true&sessionVariables=transaction_isolation='REPEATABLE-READ'";

    private static final String DATABASE_PREFIX = "bench_raw_";

    private final BenchServer server;
    private final HashRing ring;
    private final List<String> shardNames;

    RawTables(BenchServer server, int shards) {
        this.server = server;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            names.add("ds_" + i);
        }
        this.shardNames = List.copyOf(names);
        this.ring = HashRing.of(shardNames);
    }

    HashRing ring() {
        return ring;
    }

    /** Shard names in ring order; shard {@code i} is database {@code bench_raw_i}. */
    List<String> shardNames() {
        return shardNames;
    }

    int shardCount() {
        return shardNames.size();
    }

    /** The connector-j URL of shard {@code i}, with the driver's options. */
    String url(int shard) {
        return server.jdbcUrl(DATABASE_PREFIX + shard) + "?" + URL_OPTIONS;
    }

    String user() {
        return server.user();
    }

    Connection connect(int shard) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        return DriverManager.getConnection(url(shard), p);
    }

    /** The shard that holds a partition key, by the driver's ring. */
    int shardOf(String pk) {
        return shardIndex(ring.shardFor(kid(pk)));
    }

    int shardIndex(String shardName) {
        return Integer.parseInt(shardName.substring(shardName.indexOf('_') + 1));
    }

    static long kid(String pk) {
        AttributeValue value = new AttributeValue.S(pk);
        return KeyspaceId.of(KeyCodec.typeTag(value), KeyCodec.encode(value));
    }

    static byte[] key(String s) {
        return KeyCodec.encode(new AttributeValue.S(s));
    }

    /** Binds kid, pk, sk from parameter {@code first} on. */
    static void bindKey(PreparedStatement ps, int first, String pk, String sk) throws SQLException {
        ps.setLong(first, kid(pk));
        ps.setBytes(first + 1, key(pk));
        ps.setBytes(first + 2, key(sk));
    }

    /** Binds the four parameters of {@link #INSERT}. */
    static void bindInsert(PreparedStatement ps, BenchItem item) throws SQLException {
        bindKey(ps, 1, item.pk(), item.sk());
        ps.setString(4, item.json());
    }

    /** Creates the shard databases and tables (dropping old ones) and loads the dataset. */
    void createAndLoad(Dataset data) throws SQLException {
        server.createDatabases(DATABASE_PREFIX, shardCount());
        for (int s = 0; s < shardCount(); s++) {
            try (Connection c = connect(s); Statement st = c.createStatement()) {
                for (String table : List.of(MAIN, SCAN)) {
                    st.execute("DROP TABLE IF EXISTS " + table);
                    st.execute("CREATE TABLE " + table + " (kid BIGINT NOT NULL, pk VARBINARY(2048) NOT NULL,"
                            + " sk VARBINARY(1024) NOT NULL, item LONGTEXT NOT NULL, PRIMARY KEY (pk, sk), KEY ix_kid (kid))");
                }
            }
        }
        load(MAIN, data.mainItems());
        load(SCAN, data.scanItemsList());
    }

    private void load(String table, List<BenchItem> items) throws SQLException {
        List<List<BenchItem>> byShard = new ArrayList<>();
        for (int s = 0; s < shardCount(); s++) {
            byShard.add(new ArrayList<>());
        }
        for (BenchItem item : items) {
            byShard.get(shardOf(item.pk())).add(item);
        }
        String sql = "INSERT INTO " + table + " (kid, pk, sk, item) VALUES (?, ?, ?, ?)";
        for (int s = 0; s < shardCount(); s++) {
            try (Connection c = connect(s); PreparedStatement ps = c.prepareStatement(sql)) {
                int pending = 0;
                for (BenchItem item : byShard.get(s)) {
                    bindInsert(ps, item);
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
    }
}
