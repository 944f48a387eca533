package dev.jdbcdynamo.planner.error;

/**
 * The catalogue of every error the driver raises: DynamoDB's error name, the SQLState a JDBC
 * tool understands, and a message template in {@link String#format} syntax.
 */
public enum ErrorCode {
    // Syntax and validation (DynamoDB: ValidationException).
    SYNTAX_ERROR("ValidationException", "42000", "Statement wasn't well formed, can't be processed: %s"),
    VALIDATION("ValidationException", "22000", "%s"),
    UNSUPPORTED_LANGUAGE_FEATURE("ValidationException", "0A000", "Unsupported operation: %s"),
    TYPE_MISMATCH("ValidationException", "22000",
            "One or more parameter values were invalid: Type mismatch for key %s expected: %s actual: %s"),
    MISSING_KEY("ValidationException", "22000",
            "One or more parameter values were invalid: Missing the key %s in the item"),
    EMPTY_KEY("ValidationException", "22000",
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: %s"),
    KEY_TOO_LONG("ValidationException", "22001", "%s"),
    ITEM_TOO_LARGE("ValidationException", "22001", "Item size has exceeded the maximum allowed size"),
    NUMBER_INVALID("ValidationException", "22003", "%s"),
    WRONG_PARAMETER_COUNT("ValidationException", "07001", "%s"),
    FULL_SCAN_DENIED("AccessDeniedException", "42000", "Full table scan of %s denied by the connection's "
            + "fullScanGuard: add an equality on the partition key %s to the WHERE clause, or turn the guard off"),
    TABLE_EXISTS("ResourceInUseException", "42S01", "Table already exists: %s"),

    // Data (DynamoDB's own names).
    INDEX_NOT_FOUND("ResourceNotFoundException", "42S12", "%s"),
    TABLE_NOT_FOUND("ResourceNotFoundException", "42S02", "Cannot do operations on a non-existent table"),
    DUPLICATE_ITEM("DuplicateItemException", "23000", "Duplicate primary key exists in table"),
    CONDITIONAL_CHECK_FAILED("ConditionalCheckFailedException", "23000", "The conditional request failed"),
    TRANSACTION_CONFLICT("TransactionConflictException", "40001", "%s"),
    TRANSACTION_CANCELED("TransactionCanceledException", "40002",
            "Transaction cancelled, please refer cancellation reasons for specific reasons [%s]"),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatchException", "22023", "%s"),
    TRANSACTION_OUTCOME_UNKNOWN("InternalServerError", "08007", "%s"),

    // Connection and infrastructure.
    INVALID_URL("ValidationException", "08001", "%s"),
    CONNECTION_FAILED("InternalServerError", "08001", "%s"),
    BAD_CREDENTIALS("AccessDeniedException", "28000", "%s"),
    TOPOLOGY_MISMATCH("InternalServerError", "08004", "%s"),
    CONNECTION_CLOSED("InternalServerError", "08003", "%s"),
    INTERNAL("InternalServerError", "XX000", "%s");

    private final String errorName;
    private final String sqlState;
    private final String template;

    ErrorCode(String errorName, String sqlState, String template) {
        this.errorName = errorName;
        this.sqlState = sqlState;
        this.template = template;
    }

    /** DynamoDB's name for this error, as its API returns it. */
    public String errorName() {
        return errorName;
    }

    public String sqlState() {
        return sqlState;
    }

    public String format(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }

    /** A new exception of this code with the formatted message. */
    public DynamoException error(Object... args) {
        return new DynamoException(this, format(args));
    }
}
