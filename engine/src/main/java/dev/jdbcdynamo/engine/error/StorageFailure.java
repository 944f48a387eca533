package dev.jdbcdynamo.engine.error;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.SQLException;

/**
 * A failure of the MySQL/MariaDB storage under the engine (a broken shard connection, a lock wait
 * timeout, ...), as DynamoDB's InternalServerError or TransactionConflict; its cause is the
 * storage's own exception, so that a front end can still report its SQLState.
 */
public final class StorageFailure extends DynamoException {
    private static final long serialVersionUID = 1L;

    private StorageFailure(ErrorCode code, String message, SQLException cause) {
        super(code, message, cause);
    }

    /** The storage error as DynamoDB's: 08xxx is a connection failure, 40xxx a conflict, else internal. */
    public static StorageFailure of(SQLException e) {
        String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? "Storage error (" + e.getClass().getSimpleName() + ")" : e.getMessage();
        ErrorCode code = state.startsWith("08") ? ErrorCode.CONNECTION_FAILED
                : state.startsWith("40") ? ErrorCode.TRANSACTION_CONFLICT : ErrorCode.INTERNAL;
        return new StorageFailure(code, message, e);
    }

    /** The storage's exception. */
    public SQLException storageCause() {
        return (SQLException) getCause();
    }
}
