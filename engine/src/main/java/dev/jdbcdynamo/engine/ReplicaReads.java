package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.engine.exec.Executor;
import dev.jdbcdynamo.engine.exec.RoutedSession;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.engine.storage.Routing;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's eventually consistent reads: a routed session over the shards' replicas (see
 * {@code ReplicaSet}), opened on first use. A read that fails there is not an error for the
 * application: the replicas are re-checked and the read runs on the primary instead.
 */
final class ReplicaReads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReads.class);

    private final DynamoDatabase database;
    private final Executor executor;
    private RoutedSession session;
    private Routing routedBy;

    ReplicaReads(DynamoDatabase database, Executor executor) {
        this.database = database;
        this.executor = executor;
    }

    /** The items of an eventually consistent SELECT, or null when it must run on the primary. */
    ExecutionResult select(Plan.Select select, List<AttributeValue> params, boolean fullScanGuard) throws SQLException {
        Routing routing = database.eventualRouting();
        if (routing == null || (fullScanGuard && select.path() instanceof AccessPath.Scan)) {
            return null;
        }
        try {
            return executor.select(session(routing), select, params);
        } catch (SQLException e) {
            LOG.warn("An eventually consistent read on a replica failed ({}); reading the primary", e.getMessage());
            close();
            database.replicaReadFailed();
            return null;
        }
    }

    private RoutedSession session(Routing routing) throws SQLException {
        if (session == null || routedBy != routing) {
            close();
            routing.enter();
            routedBy = routing;
            session = new RoutedSession(routing.dataSource().getConnection());
        }
        return session;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } catch (SQLException e) {
            // The replica's connection is already broken; nothing to keep.
        } finally {
            session = null;
            if (routedBy != null) {
                routedBy.leave();
                routedBy = null;
            }
        }
    }
}
