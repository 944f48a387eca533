package dev.jdbcdynamo.driver.error;

import dev.jdbcdynamo.api.CancellationReason;
import java.util.List;

/** The DynamoDB side of a driver SQLException, shared by its JDBC subclasses. */
record ErrorInfo(String errorName, int line, int column, String oldItemJson, List<CancellationReason> reasons) {
    ErrorInfo {
        reasons = List.copyOf(reasons);
    }

    ErrorInfo(String errorName, int line, int column, String oldItemJson) {
        this(errorName, line, column, oldItemJson, List.of());
    }
}
