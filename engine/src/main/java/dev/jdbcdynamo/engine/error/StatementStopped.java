package dev.jdbcdynamo.engine.error;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;

/**
 * A statement stopped before it finished: cancelled by another thread (the SDK's AbortedException)
 * or by its time limit (the SDK's ApiCallTimeoutException). Nothing of a stopped write is applied
 * unless its shard had already committed it.
 */
public final class StatementStopped extends DynamoException {
    private static final long serialVersionUID = 1L;

    /** Why the statement stopped. */
    public enum Reason {
        CANCELLED, TIMED_OUT
    }

    private final Reason reason;

    public StatementStopped(Reason reason, Throwable cause) {
        super(ErrorCode.INTERNAL, reason == Reason.TIMED_OUT
                ? "The statement exceeded its query timeout and was cancelled" : "The statement was cancelled", cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** DynamoDB's (the SDK's) name of the error. */
    public String errorName() {
        return reason == Reason.TIMED_OUT ? "ApiCallTimeoutException" : "AbortedException";
    }
}
