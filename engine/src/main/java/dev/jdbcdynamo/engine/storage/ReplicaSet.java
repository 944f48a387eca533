package dev.jdbcdynamo.engine.storage;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The replicas of one shard and where an eventually consistent read of that shard goes: to a
 * replica that is up and at most {@code maxLagSeconds} behind (round robin), else to the
 * primary. Health is checked periodically ({@code SHOW REPLICA STATUS}) and at once after a
 * failed read; every change is logged ("replica ... skipped: ..." / "back in use").
 *
 * <p>As a DataSource it hands ShardingSphere a connection to the chosen server, so the read
 * routing is the same kid routing as the primary's over other servers.
 */
public final class ReplicaSet implements DataSource {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ReplicaSet.class);

    private final String shard;
    private final HikariDataSource primary;
    private final List<Replica> replicas;
    private final int maxLagSeconds;
    private final AtomicInteger next = new AtomicInteger();

    /** One replica: its pool, and its last known state. */
    static final class Replica {
        final String location;
        final HikariDataSource pool;
        volatile boolean usable;
        volatile String state = "not checked yet";
        volatile long reads;

        Replica(String location, HikariDataSource pool) {
            this.location = requireNonNull(location, "location is null");
            this.pool = requireNonNull(pool, "pool is null");
        }
    }

    ReplicaSet(String shard, HikariDataSource primary, List<Replica> replicas, int maxLagSeconds) {
        this.shard = requireNonNull(shard, "shard is null");
        this.primary = requireNonNull(primary, "primary is null");
        this.replicas = List.copyOf(replicas);
        this.maxLagSeconds = maxLagSeconds;
    }

    boolean isEmpty() {
        return replicas.isEmpty();
    }

    /** Checks every replica's lag and reachability; logs changes. */
    void checkHealth() {
        for (Replica r : replicas) {
            String state;
            boolean usable;
            try (Connection c = r.pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW REPLICA STATUS")) {
                if (!rs.next()) {
                    usable = false;
                    state = "not replicating (no replica status)";
                } else {
                    long lag = lagSeconds(rs);
                    usable = lag >= 0 && lag <= maxLagSeconds;
                    state = lag < 0 ? "replication stopped" : "lag " + lag + " s" + (usable ? "" : " > " + maxLagSeconds + " s");
                }
            } catch (SQLException | RuntimeException e) {
                usable = false;
                state = "unreachable: " + e.getMessage();
            }
            if (usable != r.usable) {
                if (usable) {
                    LOG.info("Replica {} of shard {} back in use for eventually consistent reads ({})", r.location, shard, state);
                } else {
                    LOG.warn("Replica {} of shard {} skipped, eventually consistent reads go to the primary: {}",
                            r.location, shard, state);
                }
            }
            r.usable = usable;
            r.state = state;
        }
    }

    private static long lagSeconds(ResultSet rs) throws SQLException {
        for (String column : new String[] {"Seconds_Behind_Master", "Seconds_Behind_Source"}) {
            try {
                long lag = rs.getLong(column);
                return rs.wasNull() ? -1 : lag;
            } catch (SQLException e) {
                // the other server flavour's column name
            }
        }
        return -1;
    }

    /** A read on a replica failed: stop using it until a check finds it healthy again. */
    void readFailed() {
        checkHealth();
    }

    /** e.g. {@code "127.0.0.1:3307/dynamo: lag 0 s (used, 12 reads)"}, one per replica. */
    String status() {
        StringBuilder sb = new StringBuilder();
        for (Replica r : replicas) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(r.location).append(": ").append(r.state).append(r.usable ? " (used, " : " (skipped, ")
                    .append(r.reads).append(" reads)");
        }
        return sb.toString();
    }

    /** Reads served by replicas so far. */
    long replicaReads() {
        return replicas.stream().mapToLong(r -> r.reads).sum();
    }

    void close() {
        replicas.forEach(r -> r.pool.close());
    }

    @Override
    public Connection getConnection() throws SQLException {
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            Replica r = replicas.get((start + i) % n);
            if (r.usable) {
                try {
                    Connection c = r.pool.getConnection();
                    r.reads++;
                    return c;
                } catch (SQLException e) {
                    r.usable = false;
                    r.state = "unreachable: " + e.getMessage();
                    LOG.warn("Replica {} of shard {} skipped, eventually consistent reads go to the primary: {}",
                            r.location, shard, r.state);
                }
            }
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
