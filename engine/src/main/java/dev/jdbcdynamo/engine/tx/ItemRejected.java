package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.planner.error.DynamoException;

/**
 * A write whose item or key DynamoDB refuses (a key of the wrong type or missing, an index key of
 * the wrong type, an item too large): in a transaction, DynamoDB answers it at commit as the
 * statement's {@code ValidationError} cancellation reason, not as an error of the statement.
 */
final class ItemRejected extends DynamoException {
    private static final long serialVersionUID = 1L;

    ItemRejected(DynamoException cause) {
        super(cause.code(), cause.getMessage(), cause);
    }
}
