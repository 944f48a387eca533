package dev.jdbcdynamo.engine.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.SQLException;

/** Opens the HikariCP pool of a shard, failing fast with a message that names the shard. */
final class ShardPools {
    /** connector-j settings: no TLS on loopback, exact utf8mb4 byte order, cached client-side statements. */
    private static final String URL_OPTIONS = "useSSL=false&allowPublicKeyRetrieval=true"
            + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&cachePrepStmts=true&prepStmtCacheSize=500"
            + "&prepStmtCacheSqlLimit=4096&useLocalSessionState=true&rewriteBatchedStatements=true"
            + "&connectTimeout=5000&tcpKeepAlive=true&sessionVariables=transaction_isolation='REPEATABLE-READ',innodb_lock_wait_timeout=10";

    private ShardPools() {
    }

    static Shard open(String name, String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jdbc-dynamo-" + name);
        config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + URL_OPTIONS);
        // Named, not looked up in DriverManager: a tool's class loader holding only the driver jar
        // never registered connector-j there.
        config.setDriverClassName("com.mysql.cj.jdbc.Driver");
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        String location = jdbcUrl.replaceFirst("^jdbc:mysql://", "");
        try {
            return new Shard(name, location, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw connectFailure(name, location, e);
        }
    }

    /** A pool that starts even when its server is down (replicas: a down replica is skipped, not fatal). */
    static HikariDataSource openLazily(String name, String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jdbc-dynamo-" + name);
        config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + URL_OPTIONS);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(2_000);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** 28000 for bad credentials, 08001 otherwise, naming the shard. */
    static DynamoException connectFailure(String name, String location, Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        String message = "Cannot connect to shard " + name + " (" + location + "): " + cause.getMessage();
        if (state != null && state.startsWith("28")) {
            return new DynamoException(ErrorCode.BAD_CREDENTIALS, message, e);
        }
        return new DynamoException(ErrorCode.CONNECTION_FAILED, message, e);
    }
}
