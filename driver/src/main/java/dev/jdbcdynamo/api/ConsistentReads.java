package dev.jdbcdynamo.api;

/**
 * The read consistency of a statement, as DynamoDB's {@code ConsistentRead}. Unset (null, and the
 * connection property {@code consistentRead} unset): tables and local indexes are read on the
 * shard's primary, global indexes eventually consistently. True: the primary, and a global index
 * read is DynamoDB's ValidationException. False lets a SELECT go to a replica that is up and
 * within the topology file's lag bound. Reads inside a transaction always go to the primary.
 *
 * <pre>{@code
 * Statement s = connection.createStatement();
 * s.unwrap(ConsistentReads.class).setConsistentRead(false);   // eventually consistent
 * }</pre>
 */
public interface ConsistentReads {
    /** Sets this statement's ConsistentRead; null returns to the connection's default. */
    void setConsistentRead(Boolean consistentRead);

    /** This statement's ConsistentRead, or null when it follows the connection's default. */
    Boolean getConsistentRead();
}
