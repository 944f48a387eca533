package dev.jdbcdynamo.planner.parse;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.ast.Statement;

/**
 * A parsed statement and the number of its {@code ?} parameters, numbered 0.. in the order they
 * appear in the text.
 */
public record ParsedStatement(Statement statement, int parameterCount) {
    public ParsedStatement {
        requireNonNull(statement, "statement is null");
    }
}
