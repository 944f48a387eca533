package dev.jdbcdynamo.driver.exec;

/**
 * A connection's choices for reading global indexes.
 *
 * @param consistentRead DynamoDB's ConsistentRead=true for every read of this executor: allowed on
 *                       tables and local indexes, DynamoDB's ValidationException on a global index
 *                       (a connection checks its own and its statements' choice before it runs a read)
 * @param readYourWrites beyond DynamoDB: before a global index is read, every change committed so
 *                       far is applied to the global indexes, so the connection sees its own writes
 */
public record IndexReadOptions(boolean consistentRead, boolean readYourWrites) {
    public static final IndexReadOptions DEFAULT = new IndexReadOptions(false, false);
}
