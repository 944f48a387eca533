package dev.jdbcdynamo.driver;

/** The DynamoDB side of a driver SQLException, shared by its JDBC subclasses. */
record ErrorInfo(String errorName, int line, int column, String oldItemJson) {
}
