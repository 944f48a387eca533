package dev.jdbcdynamo.driver.tx;

import dev.jdbcdynamo.planner.error.DynamoException;

/**
 * An update expression DynamoDB cannot apply to the item (an operand of the wrong type, a path
 * that does not fit the item): in a transaction, DynamoDB answers the whole request with this
 * ValidationException rather than with a cancellation reason (recorded from DynamoDB Local).
 */
final class UpdateRejected extends DynamoException {
    private static final long serialVersionUID = 1L;

    UpdateRejected(DynamoException cause) {
        super(cause.code(), cause.getMessage(), cause);
    }
}
