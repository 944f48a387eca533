package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;

/** The entry point of the front end: PartiQL or SQL statement text in, {@link ParsedStatement} out. */
public final class Parser {
    /** DynamoDB's limit on the length of a statement, in characters. */
    public static final int MAX_STATEMENT_LENGTH = 8192;

    private Parser() {
    }

    /**
     * Parses one statement; a trailing {@code ;} is allowed.
     *
     * @throws DynamoException with the line and column of the offending token: a
     *     {@link ErrorCode#SYNTAX_ERROR}, or, for well-formed text that DynamoDB refuses (an empty
     *     bag, a duplicate map key, RETURNING without {@code *}, ...), DynamoDB's ValidationException
     *     message; {@link ErrorCode#VALIDATION} for text over {@value #MAX_STATEMENT_LENGTH} characters
     */
    public static ParsedStatement parse(String text) {
        String statement = text == null ? "" : text;
        if (statement.length() > MAX_STATEMENT_LENGTH) {
            Pos pos = Lexer.positionAt(statement, MAX_STATEMENT_LENGTH);
            throw new DynamoException(ErrorCode.VALIDATION,
                    ErrorCode.VALIDATION.format("Member must have length less than or equal to " + MAX_STATEMENT_LENGTH),
                    pos.line(), pos.column(), null, null);
        }
        TokenStream tokens = new TokenStream(statement, Lexer.tokenize(statement));
        return new ParsedStatement(new StatementParser(tokens).parseText(), tokens.parameterCount());
    }
}
