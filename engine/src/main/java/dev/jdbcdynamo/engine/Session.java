package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.error.StatementStopped;
import dev.jdbcdynamo.engine.error.StorageFailure;
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
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.reshard.ReshardFence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A session on a {@link Database} (each JDBC connection has one): plans statements and sends each
 * plan where it runs (the executor over the routed ShardingSphere session, the replicas for
 * eventually consistent reads, streamed scans, DDL on the database, EXPLAIN, the front end's SQL
 * extensions, or the buffer of the open transaction), retrying writes fenced by a resharding. It
 * owns the session's routed connection, open streams and transaction, and refuses statements once
 * closed. Errors are {@link DynamoException}s with DynamoDB's names; one statement at a time.
 */
public final class Session implements AutoCloseable {
    private final DynamoDatabase database;
    private final StatementPlanner planner;
    private final Executor executor;
    private final boolean returnOldOnFailure;
    private final boolean fullScanGuard;
    /** The session's ConsistentRead: null when unset (primaries for tables, GSIs eventually consistent). */
    private final Boolean consistentReadDefault;
    private final ReplicaReads replicaReads;
    private final OpenStreams streams = new OpenStreams();
    /** The statements an ExecuteTransaction takes, by their first word. */
    private static final java.util.regex.Pattern TRANSACTION_STATEMENT = java.util.regex.Pattern.compile(
            "\\s*(SELECT|INSERT|UPDATE|DELETE|EXISTS)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    private final Transaction transaction;
    private RoutedSession routed;
    /** The cancellation signal of the statement running now, if any (guarded by this). */
    private CancelSignal running;
    /** The signal of the running statement for {@link #cancel()}, set outside the lock. */
    private volatile CancelSignal cancellable;
    private Routing routedBy;
    private boolean autoCommit = true;
    private volatile boolean closed;

    Session(DynamoDatabase database, SessionOptions options) {
        this.database = database;
        this.planner = new StatementPlanner(database, options.language(),
                options.sqlExtensions() == null ? null : options.sqlExtensions().apply(database));
        this.executor = new Executor(database.globalIndexes(), new IndexReadOptions(options.gsiReadYourWrites()));
        this.fullScanGuard = options.fullScanGuard();
        this.consistentReadDefault = options.consistentRead();
        this.replicaReads = new ReplicaReads(database, executor);
        this.returnOldOnFailure = options.returnOldOnConditionCheckFailure();
        this.transaction = new Transaction(database.transactions(), returnOldOnFailure);
    }

    /** True when a failed condition returns the item as it was (ReturnValuesOnConditionCheckFailure=ALL_OLD). */
    public boolean returnOldOnFailure() {
        return returnOldOnFailure;
    }

    /** True when the session's reads go to replicas unless a statement says otherwise (consistentRead=false). */
    public boolean readsReplicas() {
        return Boolean.FALSE.equals(consistentReadDefault);
    }

    /** Fails with CONNECTION_CLOSED once the session is closed. */
    public void checkOpen() {
        if (closed) {
            throw ErrorCode.CONNECTION_CLOSED.error("Connection is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Plans statement text (cached per session by text and catalog generation). */
    public Prepared prepare(String text) {
        checkOpen();
        try {
            return planner.plan(text);
        } catch (DynamoException e) {
            // A statement of an open transaction that DynamoDB refuses names its place in the request.
            throw !autoCommit && TRANSACTION_STATEMENT.matcher(text).lookingAt() ? transaction.statementError(e) : e;
        }
    }

    /**
     * Plans a statement given as the planner's syntax tree, for a front end that builds statements
     * itself instead of formatting PartiQL text.
     */
    public Prepared prepare(ParsedStatement parsed) {
        checkOpen();
        return planner.plan(parsed);
    }

    /** Runs statement text with its parameters ({@code ?} in order). */
    public Result execute(String text, List<AttributeValue> params) {
        return execute(prepare(text), params);
    }

    /** Runs a statement given as the planner's syntax tree with its parameters. */
    public Result execute(ParsedStatement parsed, List<AttributeValue> params) {
        return execute(prepare(parsed), params);
    }

    /** Runs a planned statement: a count, or items (streamed where the plan streams: close them). */
    public Result execute(Prepared prepared, List<AttributeValue> params) {
        CancelSignal signal = new CancelSignal();
        cancellable = signal;
        try {
            return Result.of(run(prepared, params, null, signal));
        } finally {
            cancellable = null;
        }
    }

    /**
     * Cancels the statement running now in another thread (its physical statements are killed); it
     * fails with {@link StatementStopped}. Does nothing when none runs.
     */
    public void cancel() {
        CancelSignal signal = cancellable;
        if (signal != null) {
            signal.cancel(CancelSignal.Reason.CANCELLED);
        }
    }

    /**
     * DynamoDB's ExecuteTransaction: the statements (all writes and condition checks, or all
     * reads) apply together or not at all; a TransactionCanceled names the reason per statement.
     * {@code clientRequestToken} (may be null) makes a retry idempotent. Answers one result per
     * statement (the item of a read, a count of a write).
     */
    public List<Result> executeTransaction(List<Request> statements, String clientRequestToken) {
        checkOpen();
        if (!autoCommit) {
            throw ErrorCode.VALIDATION.error("A transaction is already open in this session");
        }
        setAutoCommit(false);
        try {
            if (clientRequestToken != null) {
                setClientRequestToken(clientRequestToken);
            }
            List<Result> results = new java.util.ArrayList<>();
            for (Request r : statements) {
                results.add(execute(r.prepared(this), r.params()));
            }
            commit();
            return results;
        } finally {
            try {
                rollback();
            } finally {
                autoCommit = true;
            }
        }
    }

    /**
     * DynamoDB's BatchExecuteStatement: at most 25 statements, all reads (each naming a full primary
     * key) or all writes, each succeeding or failing on its own (one outcome per statement). With
     * autocommit off, the statements join the open transaction instead.
     */
    public BatchResults executeBatch(List<Request> statements) {
        checkOpen();
        return Batches.run(this, statements);
    }

    /**
     * Runs a planned statement: the front end's entry, whose result may hold a stream of storage
     * rows. {@code consistentRead} null means the session's default; {@code signal} (may be null)
     * lets another thread cancel it. Storage failures are {@link StorageFailure}s, a cancelled or
     * timed-out statement a {@link StatementStopped}.
     */
    public synchronized ExecutionResult run(Prepared prepared, List<AttributeValue> params,
                                            Boolean consistentRead, CancelSignal signal) {
        checkOpen();
        if (params.size() != prepared.parameterCount()) {
            throw ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Number of parameters in request and statement don't match.");
        }
        Boolean consistent = consistentRead != null ? consistentRead : consistentReadDefault;
        if (Boolean.TRUE.equals(consistent) && prepared.plan() instanceof Plan.Select s
                && s.path() instanceof AccessPath.IndexQuery q && q.index().global()) {
            throw ErrorCode.VALIDATION.error(
                    "Consistent read cannot be true when scanning a GSI");
        }
        List<AttributeValue> values = prepared.withLiterals(params);
        running = signal;
        // ShardingSphere loads plugins lazily through the context class loader (see ShardingDataSourceBuilder).
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
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
                } catch (DynamoException | SQLException caught) {
                    Exception e = caught instanceof StorageFailure f ? f.storageCause() : caught;
                    if (!ReshardFence.isFenced(e)) {
                        if (e instanceof DynamoException d) {
                            throw d;
                        }
                        if (signal != null && signal.reason() != null) {
                            throw stopped(signal.reason(), (SQLException) e);
                        }
                        if (((SQLException) e).getSQLState() != null && ((SQLException) e).getSQLState().startsWith("08")) {
                            // A shard connection broke (its server restarted, say): the next statement
                            // starts from fresh physical connections instead of failing on the same one.
                            dropRoutedQuietly();
                        }
                        throw storageError((SQLException) e);
                    }
                    // The key's range is moving to another shard and the write was refused, unapplied.
                    if (!autoCommit || !FencedWrites.awaitNewRing(database, attempt)) {
                        throw FencedWrites.conflict(e);
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

    /** True (the default) when each statement applies on its own; false while a transaction is open. */
    public boolean autoCommit() {
        return autoCommit;
    }

    /**
     * Off: the following statements form one transaction with DynamoDB's ExecuteTransaction
     * semantics, applied by {@link #commit()}; turning it back on commits the open transaction.
     */
    public synchronized void setAutoCommit(boolean autoCommit) {
        checkOpen();
        if (this.autoCommit == autoCommit) {
            return;
        }
        if (autoCommit) {
            commit();
        }
        this.autoCommit = autoCommit;
    }

    /** Applies the open transaction: all of its statements or none (TransactionCanceled says why). */
    public synchronized void commit() {
        checkOpen();
        try {
            transaction.commit();
            database.globalIndexes().written(); // the transaction's changes are now in the shards' change logs
        } catch (SQLException e) {
            if (ReshardFence.isFenced(e)) {
                // An item's range is moving to another shard: nothing was applied; retry on the new ring.
                database.checkRing();
                throw FencedWrites.conflict(e);
            }
            throw storageError(e);
        }
    }

    /** DynamoDB's ClientRequestToken of the open transaction (idempotent retries). */
    public synchronized void setClientRequestToken(String token) {
        checkOpen();
        transaction.setToken(token);
    }

    /** Forgets the open transaction's statements. */
    public synchronized void rollback() {
        checkOpen();
        transaction.rollback();
    }

    /**
     * Refuses further statements once the running one (if any) has finished; false when already
     * closed. The caller then calls {@link #release()}.
     */
    public synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Gives back the replica session, open streams, SQL extensions, transaction and routed session. */
    public void release() {
        try {
            replicaReads.close();
            streams.closeAll();
            planner.closeSqlExtensions();
            transaction.rollback();
        } catch (SQLException e) {
            throw storageError(e);
        } finally {
            try {
                releaseRouted();
            } catch (SQLException e) {
                throw storageError(e);
            }
        }
    }

    /** Closes the session: forgets an open transaction, gives back its connections and streams. */
    @Override
    public void close() {
        if (markClosed()) {
            release();
        }
    }

    /** The database's internals, for a front end's own statements (the JDBC driver's SQL extensions). */
    public DynamoDatabase database() {
        return database;
    }

    /** A storage failure as the engine reports it: a cancelled statement is a {@link StatementStopped}. */
    static DynamoException storageError(SQLException e) {
        if (e instanceof CancelSignal.CancelledException cancelled) {
            return stopped(cancelled.reason(), cancelled);
        }
        return StorageFailure.of(e);
    }

    static StatementStopped stopped(CancelSignal.Reason reason, SQLException cause) {
        return new StatementStopped(reason == CancelSignal.Reason.TIMED_OUT ? StatementStopped.Reason.TIMED_OUT
                : StatementStopped.Reason.CANCELLED, cause);
    }
}
