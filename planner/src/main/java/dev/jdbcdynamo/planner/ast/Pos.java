package dev.jdbcdynamo.planner.ast;

/**
 * A 1-based line and column in the statement text, for error messages, with the length in
 * characters of the token there (0 when unknown): DynamoDB's positional messages end in
 * {@code line:column:length}.
 */
public record Pos(int line, int column, int length) {
    public static final Pos UNKNOWN = new Pos(0, 0, 0);

    public Pos(int line, int column) {
        this(line, column, 0);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
