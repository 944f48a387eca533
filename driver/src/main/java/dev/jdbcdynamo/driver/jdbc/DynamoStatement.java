package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.api.BatchResult;
import dev.jdbcdynamo.api.ConsistentReads;
import dev.jdbcdynamo.api.DynamoBatch;
import dev.jdbcdynamo.driver.admin.AnalyzeTable;
import dev.jdbcdynamo.driver.admin.DistributionView;
import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.error.JdbcWrapper;
import dev.jdbcdynamo.driver.resultset.ItemResultSet;
import dev.jdbcdynamo.driver.resultset.MetadataResultSet;
import dev.jdbcdynamo.driver.resultset.ResultShape;
import dev.jdbcdynamo.driver.resultset.StreamedResults;
import dev.jdbcdynamo.engine.Prepared;
import dev.jdbcdynamo.engine.exec.CancelSignal;
import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/** A plain Statement: each call plans its text (plans are cached by text) and runs it. */
class DynamoStatement implements Statement, ConsistentReads, DynamoBatch, JdbcWrapper {
    final DynamoConnection connection;
    private ResultSet current;
    private int updateCount = -1;
    private int maxRows;
    private int fetchSize;
    private int queryTimeout;
    private boolean closed;
    private boolean closeOnCompletion;
    private Boolean consistentRead;
    /** The execution in progress, for cancel() from another thread. */
    private volatile CancelSignal running;
    /** The execution whose streamed scan the current result set still reads (cancel() stops it too). */
    private volatile CancelSignal streaming;
    private final List<BatchRunner.Entry> batch = new java.util.ArrayList<>();
    private List<BatchResult> batchResults = List.of();

    DynamoStatement(DynamoConnection connection) {
        this.connection = connection;
    }

    /** Runs a planned statement and records its result as this statement's current result. */
    boolean run(Prepared prepared, List<AttributeValue> params) throws SQLException {
        checkOpen();
        closeCurrent();
        CancelSignal signal = new CancelSignal();
        running = signal;
        ExecutionResult result;
        try (QueryTimer.Armed ignored = QueryTimer.arm(signal, queryTimeout)) {
            result = connection.execute(prepared, params, consistentRead, signal);
        } finally {
            running = null;
        }
        streaming = result.stream() == null ? null : signal;
        if (result.query()) {
            current = result.stream() == null
                    ? new ItemResultSet(this, ResultShape.of(prepared.plan(), result.items(),
                            connection.database().discoveredColumns()), result.items(), maxRows)
                    : StreamedResults.open(this, prepared.plan(), result.stream(), fetchSize, maxRows);
            updateCount = -1;
            return true;
        }
        updateCount = result.updateCount();
        return false;
    }

    @Override
    public void setConsistentRead(Boolean consistentRead) {
        this.consistentRead = consistentRead;
    }

    @Override
    public Boolean getConsistentRead() {
        return consistentRead;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw DynamoErrors.closed("Statement");
        }
    }

    private void closeCurrent() throws SQLException {
        streaming = null;
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "executeQuery needs a statement that returns items; use executeUpdate"));
        }
        return current;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "executeUpdate needs a statement that returns no items; use executeQuery"));
        }
        return updateCount;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        if (DistributionView.matches(sql)) {
            closeCurrent();
            current = DistributionView.resultSet(connection.database());
            updateCount = -1;
            return true;
        }
        AnalyzeTable analyze = AnalyzeTable.parse(sql);
        if (analyze != null) {
            closeCurrent();
            updateCount = -1;
            current = analyze.run(this, connection.database(), maxRows);
            return true;
        }
        return run(connection.plan(sql), List.of());
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closeCurrent();
            closed = true;
        }
    }

    @Override
    public int getMaxFieldSize() {
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) {
    }

    @Override
    public int getMaxRows() {
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        if (max < 0) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error("maxRows must be >= 0"));
        }
        maxRows = max;
    }

    @Override
    public void setEscapeProcessing(boolean enable) {
    }

    @Override
    public int getQueryTimeout() {
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "queryTimeout must be >= 0"));
        }
        queryTimeout = seconds;
    }

    /** Stops the execution in progress (from another thread); it fails with SQLState HY008. */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        for (CancelSignal signal : new CancelSignal[] {running, streaming}) {
            if (signal != null) {
                signal.cancel(CancelSignal.Reason.CANCELLED);
            }
        }
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw DynamoErrors.unsupported("Named cursors");
    }

    @Override
    public ResultSet getResultSet() {
        return current;
    }

    @Override
    public int getUpdateCount() {
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        closeCurrent();
        updateCount = -1;
        return false;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw DynamoErrors.unsupported("Fetch direction other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) {
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(new BatchRunner.Entry(sql, null, null));
    }

    /** Adds a planned statement with its values (PreparedStatement.addBatch). */
    void addBatch(Prepared prepared, List<AttributeValue> params) throws SQLException {
        checkOpen();
        batch.add(new BatchRunner.Entry(null, prepared, List.copyOf(params)));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        checkOpen();
        closeCurrent();
        List<BatchRunner.Entry> entries = List.copyOf(batch);
        batch.clear();
        batchResults = List.of();
        try {
            BatchRunner.Outcome outcome = BatchRunner.run(connection, entries);
            batchResults = outcome.results();
            return outcome.counts();
        } catch (java.sql.BatchUpdateException e) {
            batchResults = BatchRunner.lastResults(e);
            throw e;
        }
    }

    @Override
    public List<BatchResult> batchResults() {
        return batchResults;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        // Nothing is ever generated (an item carries its own key): an empty result without columns.
        checkOpen();
        return MetadataResultSet.empty(List.of());
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        DynamoErrors.refuseGeneratedKeys(autoGeneratedKeys);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw DynamoErrors.generatedKeys();
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw DynamoErrors.generatedKeys();
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        DynamoErrors.refuseGeneratedKeys(autoGeneratedKeys);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw DynamoErrors.generatedKeys();
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw DynamoErrors.generatedKeys();
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void setPoolable(boolean poolable) {
    }

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void closeOnCompletion() {
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() {
        return closeOnCompletion;
    }

}
