package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.api.DynamoTransactions;
import dev.jdbcdynamo.driver.config.ConnectionSettings;
import dev.jdbcdynamo.driver.config.DynamoUrl;
import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.error.JdbcWrapper;
import dev.jdbcdynamo.driver.metadata.DynamoDatabaseMetaData;
import dev.jdbcdynamo.driver.sqlext.SqlExtensions;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.Prepared;
import dev.jdbcdynamo.engine.Session;
import dev.jdbcdynamo.engine.exec.CancelSignal;
import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * A jdbc:dynamo connection: an engine {@link Session} on a shared {@link Database}, which holds one
 * routed (ShardingSphere) connection, so physical connections and prepared statements are reused
 * from statement to statement. This class is the JDBC surface: it turns the engine's errors into
 * SQLExceptions.
 */
public final class DynamoConnection implements Connection, DynamoTransactions, JdbcWrapper {
    private final Database database;
    private final DynamoUrl url;
    private final String urlText;
    private final Session session;
    private final Properties clientInfo = new Properties();
    private boolean readOnly;
    private SQLWarning warnings;

    public DynamoConnection(Database database, DynamoUrl url, String urlText) {
        this.database = database;
        this.url = url;
        this.urlText = urlText;
        this.session = database.openSession(url.sessionOptions(SqlExtensions::new));
        for (String key : url.settings().unknownKeys()) {
            addWarning(new SQLWarning(ConnectionSettings.unknownWarning(key), "01000"));
        }
    }

    private void addWarning(SQLWarning warning) {
        if (warnings == null) {
            warnings = warning;
        } else {
            warnings.setNextWarning(warning);
        }
    }

    boolean returnOldOnFailure() {
        return session.returnOldOnFailure();
    }

    boolean readsReplicas() {
        return session.readsReplicas();
    }

    public DynamoDatabase database() {
        return database.internals();
    }

    DynamoUrl url() {
        return url;
    }

    String urlText() {
        return urlText;
    }

    /** The engine session that runs this connection's statements. */
    Session session() {
        return session;
    }

    /** Plans statement text (cached). */
    Prepared plan(String sql) throws SQLException {
        try {
            return session.prepare(sql);
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    /** Runs a planned statement with its parameter values. */
    ExecutionResult execute(Prepared prepared, List<AttributeValue> params) throws SQLException {
        return execute(prepared, params, null, null);
    }

    /**
     * Runs a planned statement. {@code consistentRead} null means the connection's default;
     * {@code signal} (may be null) lets another thread cancel it.
     */
    ExecutionResult execute(Prepared prepared, List<AttributeValue> params,
                            Boolean consistentRead, CancelSignal signal) throws SQLException {
        try {
            return session.run(prepared, params, consistentRead, signal);
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    private void checkOpen() throws SQLException {
        if (session.isClosed()) {
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
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        try {
            session.setAutoCommit(autoCommit);
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return session.autoCommit();
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        try {
            session.commit();
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    @Override
    public void setClientRequestToken(String token) throws SQLException {
        checkOpen();
        try {
            session.setClientRequestToken(token);
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        try {
            session.rollback();
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!session.markClosed()) {
            return;
        }
        try {
            session.release();
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        } finally {
            database.close();
        }
    }

    @Override
    public boolean isClosed() {
        return session.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new DynamoDatabaseMetaData(this, database(), url, urlText);
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
        // DynamoDB's transactions are serializable; the JDBC spec lets a driver run a weaker level
        // asked for as a stronger one, and getTransactionIsolation then tells the one used.
        if (!DynamoDatabaseMetaData.isolationLevelAccepted(level)) {
            throw DynamoErrors.unsupported("Transaction isolation level " + level
                    + " (accepted: READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE; all run SERIALIZABLE)");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_SERIALIZABLE;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
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
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
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
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw DynamoErrors.unsupported("Holdable cursors");
        }
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
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
        DynamoErrors.refuseGeneratedKeys(autoGeneratedKeys);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw DynamoErrors.generatedKeys();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        throw DynamoErrors.generatedKeys();
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
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "isValid timeout must be 0 (no limit) or a number of seconds, not " + timeout));
        }
        return !session.isClosed() && ShardPing.allAnswer(database.internals().shards(), timeout);
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
        return ParameterValues.array(typeName, elements);
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

}
