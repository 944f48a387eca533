package dev.jdbcdynamo.sharding;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A view of a shard's connection pool handed to ShardingSphere, deliberately not {@link
 * AutoCloseable}, so that closing a ShardingSphere DataSource leaves the shared pool open.
 *
 * <p>{@code ShardingSphereDataSource.close()} (5.5.2) closes every storage unit whose DataSource
 * is {@code AutoCloseable}; a pool shared by the next ShardingSphere DataSource must not be one.
 * The class is public only because ShardingSphere reads {@link #getUrl()} by reflection (its
 * {@code DataSourcePoolReflection}) to learn the database type and catalog of the storage unit.
 */
public final class SharedPoolDataSource implements DataSource {
    private final DataSource pool;
    private final String url;

    SharedPoolDataSource(DataSource pool, String url) {
        this.pool = requireNonNull(pool, "pool is null");
        this.url = requireNonNull(url, "url is null");
    }

    /** The JDBC URL of the shard, as the pool's driver reports it. */
    public String getUrl() {
        return url;
    }

    DataSource pool() {
        return pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "SharedPoolDataSource[" + url + "]";
    }
}
