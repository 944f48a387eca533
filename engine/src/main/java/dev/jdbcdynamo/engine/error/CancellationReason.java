package dev.jdbcdynamo.engine.error;

/**
 * Why one statement of a cancelled transaction did not apply, as DynamoDB's
 * {@code CancellationReason}: {@code code} is {@code None} for a statement that was fine,
 * {@code ConditionalCheckFailed}, {@code DuplicateItem}, {@code ValidationError} or
 * {@code TransactionConflict} otherwise.
 *
 * @param code DynamoDB's reason code
 * @param message what went wrong, or null for {@code None}
 * @param itemJson the item as it was (DynamoDB JSON) when a condition failed and the session asked
 *     for ALL_OLD on condition check failures; otherwise null
 */
public record CancellationReason(String code, String message, String itemJson) {
    /** The reason of a statement that would have applied. */
    public static final CancellationReason NONE = new CancellationReason("None", null, null);
}
