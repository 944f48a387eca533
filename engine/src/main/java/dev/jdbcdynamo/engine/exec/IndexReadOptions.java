package dev.jdbcdynamo.engine.exec;

/**
 * A connection's choices for reading global indexes.
 *
 * @param readYourWrites beyond DynamoDB: before a global index is read, every change committed so
 *                       far is applied to the global indexes, so the connection sees its own writes
 */
public record IndexReadOptions(boolean readYourWrites) {
    public static final IndexReadOptions DEFAULT = new IndexReadOptions(false);
}
