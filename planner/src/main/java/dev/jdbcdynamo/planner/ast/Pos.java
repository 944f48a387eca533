package dev.jdbcdynamo.planner.ast;

/** A 1-based line and column in the statement text, for error messages. */
public record Pos(int line, int column) {
    public static final Pos UNKNOWN = new Pos(0, 0);

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
