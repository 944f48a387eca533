package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.planner.error.DynamoException;

/**
 * A condition or update expression DynamoDB cannot evaluate on the item (an operand of the wrong
 * type, a path that does not fit the item, reversed BETWEEN bounds): in a transaction, DynamoDB
 * answers the whole request with this ValidationException rather than with a cancellation reason
 * (recorded from DynamoDB Local).
 */
final class StatementRejected extends DynamoException {
    private static final long serialVersionUID = 1L;

    StatementRejected(DynamoException cause) {
        super(cause.code(), cause.getMessage(), cause);
    }
}
