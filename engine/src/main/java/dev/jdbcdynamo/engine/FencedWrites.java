package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;

/**
 * What a connection does with a write refused by a resharding's fence: waits for the new ring
 * (checking the stored ring at once instead of at the next periodic check), then the statement
 * runs again; inside a transaction the refusal becomes a retryable conflict (40001).
 */
final class FencedWrites {
    /** A fence lasts a few seconds; give up after about a minute. */
    private static final int MAX_ATTEMPTS = 600;
    private static final long PAUSE_MILLIS = 100;

    private FencedWrites() {
    }

    /** Waits a moment for a newer ring; false when the statement should not be tried again. */
    static boolean awaitNewRing(DynamoDatabase database, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return false;
        }
        if (!database.checkRing()) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static DynamoException conflict(Exception cause) {
        return new DynamoException(ErrorCode.TRANSACTION_CONFLICT, "The item's key range is moving to another shard "
                + "(online resharding); the write was not applied: retry it", cause);
    }
}
