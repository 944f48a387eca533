package dev.jdbcdynamo.engine.tx;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jdbcdynamo.engine.topology.Shard;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per shard, a pool of connections for transaction branches, opened on first use beside the
 * shard's own pool and to the same server: autocommit off, READ COMMITTED, and several
 * statements per request allowed, all set once per physical connection. A branch then starts
 * and ends without session statements (no {@code SET autocommit}, no isolation change, no reset
 * when the connection goes back), and sends all the writes of a shard in one request.
 */
final class BranchPools implements AutoCloseable {
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The shard's branch pool: its connections are in a transaction from their first statement. */
    HikariDataSource pool(Shard shard) throws SQLException {
        if (closed) {
            throw new SQLException("The transaction service of this database was closed (its ring changed); retry",
                    "40001");
        }
        return pools.computeIfAbsent(shard.name(), name -> open(shard.pool()));
    }

    private static HikariDataSource open(HikariDataSource main) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(main.getPoolName() + "-tx");
        String url = main.getJdbcUrl();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "allowMultiQueries=true");
        if (main.getDriverClassName() != null) {
            config.setDriverClassName(main.getDriverClassName());
        }
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setMaximumPoolSize(main.getMaximumPoolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(main.getConnectionTimeout());
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
