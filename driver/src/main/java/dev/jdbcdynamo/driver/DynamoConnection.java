package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.driver.exec.CancelSignal;
import dev.jdbcdynamo.api.DynamoTransactions;
import dev.jdbcdynamo.driver.exec.ExecutionResult;
import dev.jdbcdynamo.driver.exec.PlanExplainer;
import dev.jdbcdynamo.driver.exec.RoutedSession;
import dev.jdbcdynamo.driver.storage.Databases;
import dev.jdbcdynamo.driver.storage.DynamoDatabase;
import dev.jdbcdynamo.driver.storage.Routing;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.plan.Language;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.reshard.ReshardFence;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A jdbc:dynamo connection: a session on a shared {@link DynamoDatabase} that holds one routed
 * (ShardingSphere) connection, so physical connections and prepared statements are reused from
 * statement to statement.
 */
public final class DynamoConnection implements Connection, DynamoTransactions {
    private final DynamoDatabase database;
    private final DynamoUrl url;
    private final String urlText;
    private final StatementPlanner planner;
    private final dev.jdbcdynamo.driver.exec.Executor executor;
    private final boolean returnOldOnFailure;
    private final boolean fullScanGuard;
    /** The connection's ConsistentRead: null when unset (primaries for tables, GSIs eventually consistent). */
    private final Boolean consistentReadDefault;
    private final ReplicaReads replicaReads;
    private final Properties clientInfo = new Properties();
    private final OpenStreams streams = new OpenStreams();
    private final dev.jdbcdynamo.driver.tx.Transaction transaction;
    private RoutedSession routed;
    /** The cancellation signal of the statement running now, if any (guarded by this). */
    private CancelSignal running;
    private Routing routedBy;
    private boolean autoCommit = true;
    private boolean readOnly;
    private volatile boolean closed;

    DynamoConnection(DynamoDatabase database, DynamoUrl url, String urlText) {
        this.database = database;
        this.url = url;
        this.urlText = urlText;
        this.planner = new StatementPlanner(database,
                Language.of(ConnectionProperty.LANGUAGE.get(url.properties())));
        this.executor = new dev.jdbcdynamo.driver.exec.Executor(database.globalIndexes(),
                new dev.jdbcdynamo.driver.exec.IndexReadOptions(
                        Boolean.parseBoolean(ConnectionProperty.GSI_READ_YOUR_WRITES.get(url.properties()))));
        this.fullScanGuard = Boolean.parseBoolean(ConnectionProperty.FULL_SCAN_GUARD.get(url.properties()));
        String consistent = ConnectionProperty.CONSISTENT_READ.getLowerCase(url.properties());
        this.consistentReadDefault = consistent == null || consistent.isEmpty() ? null : Boolean.valueOf(consistent);
        this.replicaReads = new ReplicaReads(database, executor);
        this.returnOldOnFailure = "ALL_OLD".equalsIgnoreCase(
                ConnectionProperty.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE.get(url.properties()));
        this.transaction = new dev.jdbcdynamo.driver.tx.Transaction(database.transactions(), returnOldOnFailure);
    }

    boolean returnOldOnFailure() {
        return returnOldOnFailure;
    }

    DynamoDatabase database() {
        return database;
    }

    DynamoUrl url() {
        return url;
    }

    String urlText() {
        return urlText;
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

    /** Runs a planned statement with its parameter values. */
    ExecutionResult execute(StatementPlanner.Prepared prepared, List<AttributeValue> params) throws SQLException {
        return execute(prepared, params, null, null);
    }

    /**
     * Runs a planned statement. {@code consistentRead} null means the connection's default;
     * {@code signal} (may be null) lets another thread cancel it.
     */
    synchronized ExecutionResult execute(StatementPlanner.Prepared prepared, List<AttributeValue> params,
                                         Boolean consistentRead, CancelSignal signal) throws SQLException {
        checkOpen();
        if (params.size() != prepared.parameterCount()) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Number of parameters in request and statement don't match."));
        }
        Boolean consistent = consistentRead != null ? consistentRead : consistentReadDefault;
        if (Boolean.TRUE.equals(consistent) && prepared.plan() instanceof Plan.Select s
                && s.path() instanceof dev.jdbcdynamo.planner.plan.AccessPath.IndexQuery q && q.index().global()) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "Consistent read cannot be true when scanning a GSI"));
        }
        List<AttributeValue> values = prepared.withLiterals(params);
        running = signal;
        // ShardingSphere loads plugins lazily through the context class loader (see ShardingDataSourceBuilder).
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(DynamoConnection.class.getClassLoader());
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
                    return run(prepared, prepared.plan(), values);
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

    private void dropRoutedQuietly() {
        try {
            releaseRouted();
        } catch (SQLException | RuntimeException e) {
            routed = null;
        }
    }

    private ExecutionResult run(StatementPlanner.Prepared prepared, Plan plan, List<AttributeValue> params)
            throws SQLException {
        if (!autoCommit && dev.jdbcdynamo.driver.tx.Transaction.takes(plan)) {
            return transaction.execute(plan, params);
        }
        if (plan instanceof Plan.ConditionCheck) {
            throw dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "EXISTS can only be used in ExecuteTransaction write requests.");
        }
        if (plan instanceof Plan.Select select) {
            if (fullScanGuard && (select.path() instanceof dev.jdbcdynamo.planner.plan.AccessPath.Scan
                    || (select.path() instanceof dev.jdbcdynamo.planner.plan.AccessPath.IndexQuery q
                    && q.path() instanceof dev.jdbcdynamo.planner.plan.AccessPath.Scan))) {
                throw dev.jdbcdynamo.planner.error.ErrorCode.FULL_SCAN_DENIED.error(select.table().name(),
                        select.table().partitionKey().name());
            }
            if (select.path() instanceof dev.jdbcdynamo.planner.plan.AccessPath.Scan && autoCommit) {
                ExecutionResult scan = executor.streamScan(database.shards().stream()
                        .map(s -> (javax.sql.DataSource) s.pool()).toList(), select, params, running);
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
                throw dev.jdbcdynamo.planner.error.ErrorCode.TABLE_NOT_FOUND.error(drop.name());
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

    private void checkOpen() throws SQLException {
        if (closed) {
            throw DynamoErrors.closed("Connection");
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new DynamoStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new DynamoPreparedStatement(this, sql, plan(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw DynamoErrors.unsupported("CallableStatement");
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public synchronized void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (this.autoCommit == autoCommit) {
            return;
        }
        if (autoCommit) {
            commit(); // JDBC: turning autocommit on commits the open transaction
        }
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public synchronized void commit() throws SQLException {
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

    @Override
    public synchronized void setClientRequestToken(String token) throws SQLException {
        checkOpen();
        try {
            transaction.setToken(token);
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    @Override
    public synchronized void rollback() throws SQLException {
        checkOpen();
        transaction.rollback();
    }

    @Override
    public void close() throws SQLException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            replicaReads.close();
            streams.closeAll();
            planner.sqlExtensions().close();
            transaction.rollback();
        } finally {
            try {
                releaseRouted();
            } finally {
                Databases.release(database);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new DynamoDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) {
        // One catalog per database; tools call this while browsing and expect no error.
    }

    @Override
    public String getCatalog() {
        return null;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_SERIALIZABLE && level != TRANSACTION_REPEATABLE_READ
                && level != TRANSACTION_READ_COMMITTED) {
            throw DynamoErrors.unsupported("Transaction isolation level " + level);
        }
    }

    @Override
    public int getTransactionIsolation() {
        return TRANSACTION_SERIALIZABLE;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    private static void checkResultSetKind(int type, int concurrency) throws SQLException {
        if (type != java.sql.ResultSet.TYPE_FORWARD_ONLY || concurrency != java.sql.ResultSet.CONCUR_READ_ONLY) {
            throw DynamoErrors.unsupported("Scrollable or updatable result sets");
        }
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        throw DynamoErrors.unsupported("CallableStatement");
    }

    @Override
    public Map<String, Class<?>> getTypeMap() {
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw DynamoErrors.unsupported("Type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        if (holdability != java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw DynamoErrors.unsupported("Holdable cursors");
        }
    }

    @Override
    public int getHoldability() {
        return java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw DynamoErrors.unsupported("Savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw DynamoErrors.unsupported("Savepoints");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw DynamoErrors.unsupported("Savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw DynamoErrors.unsupported("Savepoints");
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        setHoldability(holdability);
        return createStatement(type, concurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        setHoldability(holdability);
        return prepareStatement(sql, type, concurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        throw DynamoErrors.unsupported("CallableStatement");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw DynamoErrors.unsupported("Generated keys (DynamoDB items carry their own keys)");
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw DynamoErrors.unsupported("Generated keys (DynamoDB items carry their own keys)");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        throw DynamoErrors.unsupported("Generated keys (DynamoDB items carry their own keys)");
    }

    @Override
    public Clob createClob() throws SQLException {
        throw DynamoErrors.unsupported("Clob");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw DynamoErrors.unsupported("Blob");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw DynamoErrors.unsupported("NClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw DynamoErrors.unsupported("SQLXML");
    }

    @Override
    public boolean isValid(int timeout) {
        return !closed;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        if (properties != null) {
            clientInfo.putAll(properties);
        }
    }

    @Override
    public String getClientInfo(String name) {
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() {
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return DynamoArray.of(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw DynamoErrors.unsupported("Struct");
    }

    @Override
    public void setSchema(String schema) {
        // One schema per database; accepted so that tools can call it.
    }

    @Override
    public String getSchema() {
        return null;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        close();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) {
    }

    @Override
    public int getNetworkTimeout() {
        return 0;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw DynamoErrors.unsupported("unwrap to " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
