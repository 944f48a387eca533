package dev.jdbcdynamo.engine.tx;

import com.zaxxer.hikari.HikariDataSource;
import dev.jdbcdynamo.engine.topology.Shard;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A transaction's work on one shard over a direct connection from the shard's branch pool
 * ({@link BranchPools}): a local transaction (a single-shard transaction, or the coordinator of a
 * two-phase commit, whose local commit is the decision) or an XA branch. READ COMMITTED: items
 * are locked with record locks, so there are no gap locks for two inserting transactions to
 * deadlock on; the primary key still makes a concurrent insert of the same key fail.
 */
final class Branch implements AutoCloseable {
    enum State {
        ACTIVE, PREPARED, DONE
    }

    final int index;
    final Shard shard;
    final Connection connection;
    private final HikariDataSource pool;
    private final String xid;
    private State state = State.ACTIVE;
    private boolean broken;
    private boolean closed;

    private Branch(int index, Shard shard, Connection connection, HikariDataSource pool, String xid) {
        this.index = index;
        this.shard = shard;
        this.connection = connection;
        this.pool = pool;
        this.xid = xid;
    }

    /**
     * Opens a local transaction (xid null: no statement, the branch pool's connections are in a
     * transaction from their first statement) or an XA branch ({@code XA START}) on a shard.
     */
    static Branch open(int index, Shard shard, Xid xid, BranchPools pools) throws SQLException {
        HikariDataSource pool = pools.pool(shard);
        Connection c = pool.getConnection();
        Branch branch = new Branch(index, shard, c, pool, xid == null ? null : xid.branch(index));
        try {
            if (xid != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("XA START " + branch.xid);
                }
            }
            return branch;
        } catch (SQLException e) {
            branch.broken = true;
            branch.close();
            throw e;
        }
    }

    boolean isXa() {
        return xid != null;
    }

    State state() {
        return state;
    }

    void prepare() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // One request (branch connections allow several statements): a failing PREPARE still fails here.
            s.execute("XA END " + xid + "; XA PREPARE " + xid);
            while (s.getMoreResults() || s.getUpdateCount() != -1) {
                // read both statements' answers; an error in either is thrown above or here
            }
            state = State.PREPARED;
        } catch (SQLException e) {
            broken = true;
            throw e;
        }
    }

    /** Commits a local transaction or a prepared XA branch. */
    void commit() throws SQLException {
        try {
            if (xid == null) {
                connection.commit();
            } else {
                try (Statement s = connection.createStatement()) {
                    s.execute("XA COMMIT " + xid);
                }
            }
            state = State.DONE;
        } catch (SQLException e) {
            broken = true;
            throw e;
        }
    }

    /** Rolls back what is not decided yet; a branch that cannot be rolled back is left to recovery. */
    void rollbackQuietly() {
        if (state == State.DONE) {
            return;
        }
        try {
            if (xid == null) {
                connection.rollback();
            } else {
                try (Statement s = connection.createStatement()) {
                    if (state == State.ACTIVE) {
                        try {
                            s.execute("XA END " + xid);
                        } catch (SQLException e) {
                            // Already ended (or rolled back by a deadlock): the rollback below decides.
                        }
                    }
                    s.execute("XA ROLLBACK " + xid);
                }
            }
            state = State.DONE;
        } catch (SQLException e) {
            broken = true;
        }
    }

    /**
     * Marks the branch as in doubt: its connection is closed rather than pooled, which detaches a
     * prepared XA branch from it so that recovery can finish it from any connection.
     */
    void markBroken() {
        broken = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (broken || state != State.DONE) {
                pool.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException e) {
            // The pool replaces a connection it cannot return.
        }
    }
}
