package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.SQLException;

/** Classifies MySQL/MariaDB errors met by transactions. */
final class Errors {
    private Errors() {
    }

    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    /** A deadlock (1213), a lock wait timeout (1205) or any 40001: the transaction lost a race. */
    static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** DynamoDB's TransactionConflictException for a lost race. */
    static DynamoException conflict(SQLException e) {
        return new DynamoException(ErrorCode.TRANSACTION_CONFLICT,
                "Transaction is ongoing for the item: " + e.getMessage(), e);
    }
}
