package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.Map;

/**
 * The outcome of one statement of a batch (DynamoDB's BatchStatementResponse): the item a read
 * found (null when none), or the error it failed with.
 *
 * @param count items the statement read or wrote (0 for a read that found nothing)
 * @param item the item of a read, or null
 * @param error why the statement failed, or null when it succeeded
 */
public record BatchOutcome(int count, Map<String, AttributeValue> item, DynamoException error) {
    public boolean succeeded() {
        return error == null;
    }

    /** DynamoDB's BatchStatementError code of a failed statement, null for a success. */
    public String errorCode() {
        if (error == null) {
            return null;
        }
        return switch (error.code().errorName()) {
            case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
            case "DuplicateItemException" -> "DuplicateItem";
            case "TransactionConflictException" -> "TransactionConflict";
            case "ResourceNotFoundException" -> "ResourceNotFound";
            case "ValidationException" -> "ValidationError";
            case "AccessDeniedException" -> "AccessDenied";
            default -> "InternalServerError";
        };
    }
}
