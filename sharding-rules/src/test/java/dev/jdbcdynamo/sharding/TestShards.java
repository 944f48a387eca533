package dev.jdbcdynamo.sharding;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Four shard databases ({@code shard_0..shard_3}, named {@code ds_0..ds_3} in the ring) on the
 * test server, with one pool each, shared by every test of the JVM.
 */
final class TestShards {
    static final List<String> NAMES = List.of("ds_0", "ds_1", "ds_2", "ds_3");
    static final HashRing RING = HashRing.of(NAMES);

    private static Map<String, DataSource> pools;

    private TestShards() {
    }

    /** Shard name to pool; the pools stay open until the JVM exits. */
    static synchronized Map<String, DataSource> pools() {
        if (pools == null) {
            MariaDbServer server = MariaDbServer.get();
            Map<String, DataSource> result = new LinkedHashMap<>();
            for (String shard : NAMES) {
                server.execute("CREATE DATABASE IF NOT EXISTS " + database(shard));
                result.put(shard, server.pool(database(shard)));
            }
            pools = Map.copyOf(result);
        }
        return pools;
    }

    static HikariDataSource pool(String shard) {
        return (HikariDataSource) pools().get(shard);
    }

    static String database(String shard) {
        return "shard_" + shard.substring(shard.indexOf('_') + 1);
    }

    /** Runs the statements on every shard directly, not through ShardingSphere. */
    static void onEveryShard(String... statements) {
        for (String shard : NAMES) {
            try (Connection connection = pools().get(shard).getConnection();
                    Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(shard + ": " + e.getMessage(), e);
            }
        }
    }

    /** A table shaped like the real {@code dt_<id>}. */
    static String createTable(String table) {
        return "CREATE TABLE " + table + " (kid BIGINT NOT NULL, pk VARBINARY(2048) NOT NULL, sk VARBINARY(1024) NOT NULL,"
                + " item LONGTEXT NOT NULL, PRIMARY KEY (pk, sk), KEY (kid))";
    }
}
