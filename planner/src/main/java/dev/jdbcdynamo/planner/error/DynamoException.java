package dev.jdbcdynamo.planner.error;

import static java.util.Objects.requireNonNull;

/**
 * The unchecked error of the planner and the storage layer; the driver turns it into a
 * {@code SQLException} at the JDBC boundary. Syntax errors carry a 1-based line and column.
 */
public class DynamoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int line;
    private final int column;
    /** The item as it was before a failed conditional write, when the caller asked for it. */
    private final transient Object oldItem;

    public DynamoException(ErrorCode code, String message) {
        this(code, message, 0, 0, null, null);
    }

    public DynamoException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, 0, null, cause);
    }

    public DynamoException(ErrorCode code, String message, int line, int column, Object oldItem, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.line = line;
        this.column = column;
        this.oldItem = oldItem;
    }

    /** A syntax error at a position of the statement text. */
    public static DynamoException syntax(String what, int line, int column) {
        return new DynamoException(ErrorCode.SYNTAX_ERROR,
                ErrorCode.SYNTAX_ERROR.format(what + " at line " + line + ", column " + column), line, column, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** 1-based line of a syntax error, 0 when the error has no position. */
    public int line() {
        return line;
    }

    /** 1-based column of a syntax error, 0 when the error has no position. */
    public int column() {
        return column;
    }

    /** The old item (a {@code Map<String, AttributeValue>}) of a failed condition, or null. */
    public Object oldItem() {
        return oldItem;
    }

    public DynamoException withOldItem(Object item) {
        return new DynamoException(code, getMessage(), line, column, item, getCause());
    }
}
