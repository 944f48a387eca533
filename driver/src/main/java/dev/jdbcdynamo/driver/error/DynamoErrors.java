package dev.jdbcdynamo.driver.error;

import dev.jdbcdynamo.api.CancellationReason;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.engine.error.StatementStopped;
import dev.jdbcdynamo.engine.error.StorageFailure;
import dev.jdbcdynamo.engine.error.TransactionCanceled;
import dev.jdbcdynamo.engine.exec.CancelSignal;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.util.Map;

/**
 * Turns the planner's and storage's errors into SQLExceptions at the JDBC boundary: the JDBC
 * subclass of the SQLState, carrying DynamoDB's error name.
 */
public final class DynamoErrors {
    private DynamoErrors() {
    }

    public static SQLException toSql(DynamoException e) {
        ErrorCode code = e.code();
        String oldItem = e.oldItem() instanceof Map<?, ?> map ? DynamoJson.writeItem(asItem(map)) : null;
        ErrorInfo info = new ErrorInfo(code.errorName(), e.line(), e.column(), oldItem,
                e instanceof TransactionCanceled canceled ? canceled.reasons().stream()
                        .map(r -> new CancellationReason(r.code(), r.message(), r.itemJson())).toList()
                        : java.util.List.of());
        String state = code.sqlState();
        String message = e.getMessage();
        SQLException sql;
        if (state.startsWith("42")) {
            sql = new SyntaxError(message, state, info);
        } else if (state.startsWith("23")) {
            sql = new IntegrityError(message, state, info);
        } else if (state.startsWith("08")) {
            sql = new ConnectionError(message, state, info);
        } else if (state.startsWith("28")) {
            sql = new AuthorizationError(message, state, info);
        } else if (state.startsWith("0A")) {
            sql = new FeatureError(message, state, info);
        } else if (state.startsWith("40")) {
            sql = new RollbackError(message, state, info);
        } else {
            sql = new GeneralError(message, state, info);
        }
        sql.initCause(e.getCause() != null ? e.getCause() : e);
        return sql;
    }

    /**
     * An engine error as JDBC's: a storage failure keeps the storage's SQLState, a stopped statement
     * is HY008 or HYT00, anything else maps by its error code.
     */
    public static SQLException fromEngine(DynamoException e) {
        if (e instanceof StorageFailure f) {
            return fromStorage(f.storageCause());
        }
        if (e instanceof StatementStopped s) {
            return stopped(s.reason() == StatementStopped.Reason.TIMED_OUT ? CancelSignal.Reason.TIMED_OUT
                    : CancelSignal.Reason.CANCELLED, s.getCause() instanceof SQLException sql ? sql : null);
        }
        return toSql(e);
    }

    /** Wraps a storage-level SQLException (from ShardingSphere or connector-j), keeping its SQLState. */
    public static SQLException fromStorage(SQLException e) {
        if (e instanceof DynamoSqlException) {
            return e;
        }
        if (e instanceof CancelSignal.CancelledException cancelled) {
            return stopped(cancelled.reason(), cancelled);
        }
        String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? "Storage error (" + e.getClass().getSimpleName() + ")" : e.getMessage();
        ErrorCode code = state.startsWith("08") ? ErrorCode.CONNECTION_FAILED
                : state.startsWith("40") ? ErrorCode.TRANSACTION_CONFLICT : ErrorCode.INTERNAL;
        DynamoException wrapped = new DynamoException(code, message, e);
        SQLException sql = toSql(wrapped);
        return state.equals(sql.getSQLState()) ? sql : withState(sql, state, code);
    }

    private static SQLException withState(SQLException sql, String state, ErrorCode code) {
        ErrorInfo info = new ErrorInfo(code.errorName(), 0, 0, null);
        SQLException out = state.startsWith("08") ? new ConnectionError(sql.getMessage(), state, info)
                : state.startsWith("40") ? new RollbackError(sql.getMessage(), state, info)
                : new GeneralError(sql.getMessage(), state, info);
        out.initCause(sql.getCause());
        return out;
    }

    /**
     * A statement stopped by {@code cancel()} (SQLState HY008, the SDK's AbortedException) or by its
     * query timeout (a SQLTimeoutException, HYT00, the SDK's ApiCallTimeoutException).
     */
    static SQLException stopped(CancelSignal.Reason reason, SQLException cause) {
        SQLException out = reason == CancelSignal.Reason.TIMED_OUT
                ? new TimeoutError("The statement exceeded its query timeout and was cancelled", "HYT00",
                        new ErrorInfo("ApiCallTimeoutException", 0, 0, null))
                : new GeneralError("The statement was cancelled", "HY008",
                        new ErrorInfo("AbortedException", 0, 0, null));
        if (cause != null && !(cause instanceof CancelSignal.CancelledException)) {
            out.initCause(cause);
        }
        return out;
    }

    public static SQLException closed(String what) {
        return toSql(ErrorCode.CONNECTION_CLOSED.error(what + " is closed"));
    }

    /** The refusal of generated keys, the same from every statement and connection method that asks for them. */
    public static SQLFeatureNotSupportedException generatedKeys() {
        return unsupported("Generated keys (DynamoDB items carry their own keys)");
    }

    /** Refuses {@code Statement.RETURN_GENERATED_KEYS}; {@code NO_GENERATED_KEYS} passes. */
    public static void refuseGeneratedKeys(int autoGeneratedKeys) throws SQLFeatureNotSupportedException {
        if (autoGeneratedKeys == java.sql.Statement.RETURN_GENERATED_KEYS) {
            throw generatedKeys();
        }
    }

    public static SQLFeatureNotSupportedException unsupported(String what) {
        return new FeatureError(what + " is not supported by jdbc:dynamo", "0A000",
                new ErrorInfo("ValidationException", 0, 0, null));
    }

    /** The DynamoDB side of every exception class below, read from its {@link ErrorInfo}. */
    interface WithErrorInfo extends DynamoSqlException {
        ErrorInfo info();

        @Override
        default String errorName() {
            return info().errorName();
        }

        @Override
        default int line() {
            return info().line();
        }

        @Override
        default int column() {
            return info().column();
        }

        @Override
        default String oldItemJson() {
            return info().oldItemJson();
        }

        @Override
        default java.util.List<dev.jdbcdynamo.api.CancellationReason> cancellationReasons() {
            return info().reasons();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> asItem(Map<?, ?> map) {
        return (Map<String, AttributeValue>) map;
    }

    /** 42xxx. */
    static final class SyntaxError extends SQLSyntaxErrorException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        SyntaxError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    /** 23xxx: duplicate item, failed condition. */
    static final class IntegrityError extends SQLIntegrityConstraintViolationException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        IntegrityError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    /** 08xxx. */
    static final class ConnectionError extends SQLNonTransientConnectionException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        ConnectionError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    /** 28xxx. */
    static final class AuthorizationError extends SQLInvalidAuthorizationSpecException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        AuthorizationError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    /** 0Axxx. */
    static final class FeatureError extends SQLFeatureNotSupportedException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        FeatureError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    /** 40xxx. */
    static final class RollbackError extends SQLTransactionRollbackException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        RollbackError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    /** Every other state (22xxx validation, XX000 internal, ...). */
    /** A query timeout. */
    static final class TimeoutError extends java.sql.SQLTimeoutException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        TimeoutError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }

    static final class GeneralError extends SQLException implements WithErrorInfo {
        private static final long serialVersionUID = 1L;
        private final ErrorInfo info;

        GeneralError(String message, String state, ErrorInfo info) {
            super(message, state);
            this.info = info;
        }

        @Override public ErrorInfo info() { return info; }
    }
}
