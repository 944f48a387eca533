package dev.jdbcdynamo.api;

import java.util.List;

/**
 * The answers of the last {@code executeBatch} of a statement, one per statement in batch order:
 * {@code statement.unwrap(DynamoBatch.class).batchResults()}. A batch is DynamoDB's
 * BatchExecuteStatement: each statement succeeds or fails on its own.
 */
public interface DynamoBatch {

    /** The results of the last executeBatch, empty before the first. */
    List<BatchResult> batchResults();
}
