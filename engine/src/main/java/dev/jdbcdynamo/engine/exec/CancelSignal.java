package dev.jdbcdynamo.engine.exec;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancellation state of one JDBC statement's execution: the physical (ShardingSphere)
 * statements it has handed to storage, so that {@code Statement.cancel()} from another thread,
 * or a query timeout, can cancel them (connector-j sends {@code KILL QUERY}); once cancelled,
 * the execution's next step fails instead of starting more work.
 */
public final class CancelSignal {
    /** Why an execution stopped. */
    public enum Reason { CANCELLED, TIMED_OUT }

    private final Set<Statement> physical = ConcurrentHashMap.newKeySet();
    private volatile Reason reason;

    /** Records a physical statement about to run; fails at once when already cancelled. */
    void track(Statement statement) throws SQLException {
        physical.add(statement);
        check();
    }

    /** Throws the cancellation as a SQLException (SQLState HY008 for cancel, HYT00 for timeout). */
    public void check() throws SQLException {
        Reason r = reason;
        if (r != null) {
            throw new CancelledException(r);
        }
    }

    public Reason reason() {
        return reason;
    }

    /** Marks the execution stopped and cancels its running physical statements; the first reason wins. */
    public void cancel(Reason why) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
        }
        for (Statement s : physical) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                // The statement finished or its connection is gone: nothing left to stop.
            }
        }
    }

    /** The storage-level signal that an execution was stopped; the driver turns it into its own error. */
    public static final class CancelledException extends SQLException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        CancelledException(Reason reason) {
            super(reason == Reason.TIMED_OUT ? "The statement timed out" : "The statement was cancelled",
                    reason == Reason.TIMED_OUT ? "HYT00" : "HY008");
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
