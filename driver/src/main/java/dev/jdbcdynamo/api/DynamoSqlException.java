package dev.jdbcdynamo.api;

/**
 * Implemented by every {@link java.sql.SQLException} the driver throws. Each error is also the
 * standard JDBC subclass for its SQLState ({@code SQLSyntaxErrorException} for 42000,
 * {@code SQLIntegrityConstraintViolationException} for 23000, ...), so tools that know only JDBC
 * understand it; code that knows DynamoDB reads DynamoDB's error name here:
 *
 * <pre>{@code
 * } catch (SQLException e) {
 *     if (e instanceof DynamoSqlException d && d.errorName().equals("ConditionalCheckFailedException")) { ... }
 * }</pre>
 */
public interface DynamoSqlException {

    /** DynamoDB's name for the error: {@code ValidationException}, {@code ResourceNotFoundException}, ... */
    String errorName();

    /** 1-based line of a syntax error in the statement, 0 when not a syntax error. */
    int line();

    /** 1-based column of a syntax error in the statement, 0 when not a syntax error. */
    int column();

    /**
     * The item as it was, as DynamoDB JSON, when a conditional write failed and the connection
     * property {@code returnValuesOnConditionCheckFailure=ALL_OLD} asked for it; otherwise null.
     */
    String oldItemJson();

    /**
     * One reason per statement, in statement order, when this is a
     * {@code TransactionCanceledException}; empty otherwise.
     */
    default java.util.List<CancellationReason> cancellationReasons() {
        return java.util.List.of();
    }
}
