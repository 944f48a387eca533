package dev.jdbcdynamo.api;

/**
 * The answer to one statement of a batch (DynamoDB's {@code BatchStatementResponse}): either an
 * item (or none) for a read and nothing for a write, or an error of that statement alone.
 *
 * @param errorCode null when the statement succeeded; otherwise DynamoDB's batch error code
 *     ({@code ConditionalCheckFailed}, {@code DuplicateItem}, {@code ValidationError},
 *     {@code TransactionConflict}, {@code ResourceNotFound}, {@code InternalServerError})
 * @param message the error message, or null
 * @param itemJson the item a read found, or the old item of a failed condition when
 *     {@code returnValuesOnConditionCheckFailure=ALL_OLD}; DynamoDB JSON, or null
 */
public record BatchResult(String errorCode, String message, String itemJson) {

    public boolean succeeded() {
        return errorCode == null;
    }
}
