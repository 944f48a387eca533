package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.CancelSignal;
import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.engine.exec.Executor;
import dev.jdbcdynamo.engine.exec.IndexReadOptions;
import dev.jdbcdynamo.engine.exec.PlanExplainer;
import dev.jdbcdynamo.engine.exec.RoutedSession;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.engine.storage.Routing;
import dev.jdbcdynamo.engine.tx.Transaction;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.AccessPath;
import dev.jdbcdynamo.planner.plan.Language;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.reshard.ReshardFence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The statement side of a {@link DynamoConnection}: plans statement text and sends each plan where
 * it runs (the executor over the routed ShardingSphere session, the replicas for eventually
 * consistent reads, streamed scans, DDL on the database, EXPLAIN, SQL extensions, or the buffer of
 * the open transaction), retrying writes fenced by a resharding. It owns the connection's routed
 * session, open streams and transaction, and refuses statements once closed.
 */
final class StatementDispatcher {
    private final DynamoDatabase database;
    private final StatementPlanner planner;
    private final Executor executor;
    private final boolean returnOldOnFailure;
    private final boolean fullScanGuard;
    /** The connection's ConsistentRead: null when unset (primaries for tables, GSIs eventually consistent). */
    private final Boolean consistentReadDefault;
    private final ReplicaReads replicaReads;
    private final OpenStreams streams = new OpenStreams();
    private final Transaction transaction;
    private RoutedSession routed;
    /** The cancellation signal of the statement running now, if any (guarded by this). */
    private CancelSignal running;
    private Routing routedBy;
    private boolean autoCommit = true;
    private volatile boolean closed;

    StatementDispatcher(DynamoDatabase database, DynamoUrl url) {
        this.database = database;
        this.planner = new StatementPlanner(database,
                Language.of(ConnectionProperty.LANGUAGE.get(url.properties())));
        this.executor = new Executor(database.globalIndexes(), new IndexReadOptions(
                Boolean.parseBoolean(ConnectionProperty.GSI_READ_YOUR_WRITES.get(url.properties()))));
        this.fullScanGuard = Boolean.parseBoolean(ConnectionProperty.FULL_SCAN_GUARD.get(url.properties()));
        String consistent = ConnectionProperty.CONSISTENT_READ.getLowerCase(url.properties());
        this.consistentReadDefault = consistent == null || consistent.isEmpty() ? null : Boolean.valueOf(consistent);
        this.replicaReads = new ReplicaReads(database, executor);
        this.returnOldOnFailure = "ALL_OLD".equalsIgnoreCase(
                ConnectionProperty.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE.get(url.properties()));
        this.transaction = new Transaction(database.transactions(), returnOldOnFailure);
    }

    boolean returnOldOnFailure() {
        return returnOldOnFailure;
    }

    /** True when the connection's reads go to replicas unless a statement says otherwise (consistentRead=false). */
    boolean readsReplicas() {
        return Boolean.FALSE.equals(consistentReadDefault);
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw DynamoErrors.closed("Connection");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Plans statement text (cached). */
    StatementPlanner.Prepared plan(String sql) throws SQLException {
        checkOpen();
        try {
            return planner.plan(sql);
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    /**
     * Runs a planned statement. {@code consistentRead} null means the connection's default;
     * {@code signal} (may be null) lets another thread cancel it.
     */
    synchronized ExecutionResult execute(StatementPlanner.Prepared prepared, List<AttributeValue> params,
                                         Boolean consistentRead, CancelSignal signal) throws SQLException {
        checkOpen();
        if (params.size() != prepared.parameterCount()) {
            throw DynamoErrors.toSql(ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Number of parameters in request and statement don't match."));
        }
        Boolean consistent = consistentRead != null ? consistentRead : consistentReadDefault;
        if (Boolean.TRUE.equals(consistent) && prepared.plan() instanceof Plan.Select s
                && s.path() instanceof AccessPath.IndexQuery q && q.index().global()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "Consistent read cannot be true when scanning a GSI"));
        }
        List<AttributeValue> values = prepared.withLiterals(params);
        running = signal;
        // ShardingSphere loads plugins lazily through the context class loader (see ShardingDataSourceBuilder).
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(StatementDispatcher.class.getClassLoader());
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (signal != null) {
                        signal.check();
                    }
                    if (prepared.plan() instanceof Plan.Select select && autoCommit
                            && Boolean.FALSE.equals(consistent)) {
                        ExecutionResult eventual = replicaReads.select(select, values, fullScanGuard);
                        if (eventual != null) {
                            return eventual;
                        }
                    }
                    return run(prepared.plan(), values);
                } catch (DynamoException | SQLException e) {
                    if (!ReshardFence.isFenced(e)) {
                        if (e instanceof DynamoException d) {
                            throw DynamoErrors.toSql(d);
                        }
                        if (signal != null && signal.reason() != null) {
                            throw DynamoErrors.stopped(signal.reason(), (SQLException) e);
                        }
                        if (((SQLException) e).getSQLState() != null && ((SQLException) e).getSQLState().startsWith("08")) {
                            // A shard connection broke (its server restarted, say): the next statement
                            // starts from fresh physical connections instead of failing on the same one.
                            dropRoutedQuietly();
                        }
                        throw DynamoErrors.fromStorage((SQLException) e);
                    }
                    // The key's range is moving to another shard and the write was refused, unapplied.
                    if (!autoCommit || !FencedWrites.awaitNewRing(database, attempt)) {
                        throw DynamoErrors.toSql(FencedWrites.conflict(e));
                    }
                }
            }
        } finally {
            thread.setContextClassLoader(callerLoader);
            running = null;
            if (routed != null) {
                routed.watch(null);
            }
        }
    }

    private ExecutionResult run(Plan plan, List<AttributeValue> params) throws SQLException {
        if (!autoCommit && Transaction.takes(plan)) {
            return transaction.execute(plan, params);
        }
        if (plan instanceof Plan.ConditionCheck) {
            throw ErrorCode.VALIDATION.error("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        if (plan instanceof Plan.Select select) {
            if (fullScanGuard && (select.path() instanceof AccessPath.Scan
                    || (select.path() instanceof AccessPath.IndexQuery q && q.path() instanceof AccessPath.Scan))) {
                throw ErrorCode.FULL_SCAN_DENIED.error(select.table().name(), select.table().partitionKey().name());
            }
            if (select.path() instanceof AccessPath.Scan && autoCommit) {
                ExecutionResult scan = executor.streamScan(database.shards().stream()
                        .map(s -> (DataSource) s.pool()).toList(), select, params, running);
                return ExecutionResult.streamed(streams.track(scan.stream()));
            }
            return executor.select(routed(), select, params);
        } else if (plan instanceof Plan.Insert insert) {
            return executor.insert(routed(), insert, params);
        } else if (plan instanceof Plan.Update update) {
            return executor.update(routed(), update, params, returnOldOnFailure);
        } else if (plan instanceof Plan.Delete delete) {
            return executor.delete(routed(), delete, params, returnOldOnFailure);
        } else if (plan instanceof Plan.CreateTable create) {
            database.createTable(create.definition(), create.ifNotExists());
            return ExecutionResult.count(0);
        } else if (plan instanceof Plan.DropTable drop) {
            if (!database.dropTable(drop.name()) && !drop.ifExists()) {
                throw ErrorCode.TABLE_NOT_FOUND.error(drop.name());
            }
            return ExecutionResult.count(0);
        } else if (plan instanceof Plan.CreateIndex create) {
            database.createGlobalIndex(create.table().name(), create.index());
            return ExecutionResult.count(0);
        } else if (plan instanceof Plan.DropIndex drop) {
            database.dropIndex(drop.table(), drop.index());
            return ExecutionResult.count(0);
        } else if (plan instanceof Plan.SqlQuery query) {
            return planner.sqlExtensions().run(query, params);
        } else if (plan instanceof Plan.Explain explain && explain.plan() instanceof Plan.SqlQuery query) {
            return ExecutionResult.rows(planner.sqlExtensions().explain(query));
        } else if (plan instanceof Plan.Explain explain) {
            return ExecutionResult.rows(PlanExplainer.explain(explain.plan(), database));
        }
        throw new AssertionError("unknown plan " + plan);
    }

    /** The routed connection of the current catalog generation, opened or renewed as needed. */
    private RoutedSession routed() throws SQLException {
        Routing routing = database.routing();
        if (routed == null || routedBy != routing) {
            releaseRouted();
            routing.enter();
            routedBy = routing;
            Connection connection = routing.dataSource().getConnection();
            routed = new RoutedSession(connection);
        }
        routed.watch(running);
        return routed;
    }

    private void dropRoutedQuietly() {
        try {
            releaseRouted();
        } catch (SQLException | RuntimeException e) {
            routed = null;
        }
    }

    private void releaseRouted() throws SQLException {
        if (routedBy == null) {
            return;
        }
        try {
            if (routed != null) {
                routed.close();
            }
        } finally {
            routed = null;
            routedBy.leave();
            routedBy = null;
        }
    }

    boolean autoCommit() {
        return autoCommit;
    }

    /** JDBC: turning autocommit on commits the open transaction. */
    synchronized void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (this.autoCommit == autoCommit) {
            return;
        }
        if (autoCommit) {
            commit();
        }
        this.autoCommit = autoCommit;
    }

    synchronized void commit() throws SQLException {
        checkOpen();
        try {
            transaction.commit();
            database.globalIndexes().written(); // the transaction's changes are now in the shards' change logs
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        } catch (SQLException e) {
            if (ReshardFence.isFenced(e)) {
                // An item's range is moving to another shard: nothing was applied; retry on the new ring.
                database.checkRing();
                throw DynamoErrors.toSql(FencedWrites.conflict(e));
            }
            throw DynamoErrors.fromStorage(e);
        }
    }

    synchronized void setClientRequestToken(String token) throws SQLException {
        checkOpen();
        try {
            transaction.setToken(token);
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    synchronized void rollback() throws SQLException {
        checkOpen();
        transaction.rollback();
    }

    /**
     * Refuses further statements once the running one (if any) has finished; false when already
     * closed. The caller then calls {@link #release()}.
     */
    synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Gives back the replica session, open streams, SQL extensions, transaction and routed session. */
    void release() throws SQLException {
        try {
            replicaReads.close();
            streams.closeAll();
            planner.sqlExtensions().close();
            transaction.rollback();
        } finally {
            releaseRouted();
        }
    }
}
