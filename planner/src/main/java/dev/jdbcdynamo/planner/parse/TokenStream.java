package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsers' cursor over the tokens, with what was expected at the current token (for
 * "Unexpected X, expected A, B or C"), the first deferred error, the nesting depth and the count
 * of {@code ?} parameters.
 */
final class TokenStream {
    static final int MAX_DEPTH = 100;

    private final String text;
    private final List<Token> tokens;
    private final Set<String> expected = new LinkedHashSet<>();
    private int index;
    private int depth;
    private int parameters;
    // DynamoDB's ValidationExceptions about well-formed text (an empty bag, a duplicate map key,
    // MISSING as a value, ...) come only once the whole statement has parsed: a syntax error later
    // in the text wins over them, so they wait here.
    private DynamoException deferred;
    private boolean unsupportedArithmetic;

    TokenStream(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The last token consumed; only called after one was. */
    Token previous() {
        return tokens.get(Math.max(index - 1, 0));
    }

    Token next() {
        Token token = peek();
        if (token.kind() != TokenKind.END) {
            index++;
        }
        expected.clear();
        return token;
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atWord(String keyword) {
        return peek().isWord(keyword);
    }

    /** Consumes a token of this kind if there is one; otherwise notes that it was expected. */
    boolean accept(TokenKind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        expected.add(kind.display());
        return false;
    }

    /** Consumes this keyword if it is next; otherwise notes that it was expected. */
    boolean acceptWord(String keyword) {
        if (atWord(keyword)) {
            next();
            return true;
        }
        expected.add(keyword);
        return false;
    }

    Token expect(TokenKind kind) {
        if (!accept(kind)) {
            throw unexpected();
        }
        return previous();
    }

    Token expectWord(String keyword) {
        if (!acceptWord(keyword)) {
            throw unexpected();
        }
        return previous();
    }

    /** Consumes a name: an unreserved word or a quoted identifier. */
    String expectName(String what) {
        Token token = peek();
        if (token.isName()) {
            next();
            return token.text();
        } else if (token.isReserved()) {
            throw syntax(token, "Unexpected reserved word '" + token.text() + "', expected " + what
                    + " (double-quote a reserved word to use it as a name: \"" + token.text() + "\")");
        }
        expecting(what);
        throw unexpected();
    }

    /** Notes something that would have been accepted here, for the next error message. */
    void expecting(String what) {
        expected.add(what);
    }

    /** A syntax error at the current token, naming it and what was expected instead. */
    DynamoException unexpected() {
        Token token = peek();
        String message = "Unexpected " + token.describe();
        if (!expected.isEmpty()) {
            message += ", expected " + alternatives(new ArrayList<>(expected));
        }
        return syntax(token, message);
    }

    static DynamoException syntax(Token at, String message) {
        return DynamoException.syntax(message, at.line(), at.column());
    }

    private static String alternatives(List<String> options) {
        if (options.size() == 1) {
            return options.get(0);
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.get(options.size() - 1);
    }

    /** Keeps the first validation error, to be thrown once the statement has parsed. */
    void defer(ErrorCode code, String message, Pos pos) {
        if (deferred == null) {
            deferred = new DynamoException(code, code.format(message), pos.line(), pos.column(), null, null);
        }
    }

    /** Keeps an error raised by the value model (a number out of range), placed at {@code pos}. */
    void defer(DynamoException error, Pos pos) {
        if (deferred == null && !unsupportedArithmetic) {
            deferred = new DynamoException(error.code(), error.getMessage(), pos.line(), pos.column(), null, error);
        }
    }

    /** A DynamoDB ValidationException whose message ends in DynamoDB's {@code line:column:length}. */
    void deferValidation(String message, Pos pos) {
        defer(ErrorCode.VALIDATION, message + " at " + pos.line() + ":" + pos.column() + ":" + pos.length(), pos);
    }

    /**
     * Notes a {@code *} or {@code /}, which DynamoDB refuses ("Unsupported operator") before it looks
     * at the values around it: a literal's range error, deferred or to come, then gives way to the
     * operator's error, raised where the expression is evaluated (its words name the clause).
     */
    void unsupportedArithmetic() {
        unsupportedArithmetic = true;
        if (deferred != null && deferred.getCause() instanceof DynamoException) {
            deferred = null;
        }
    }

    void throwDeferred() {
        if (deferred != null) {
            throw deferred;
        }
    }

    /** Enters one level of nesting; too deep a statement is a syntax error, never a stack overflow. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw syntax(peek(), "Statement nested too deeply: more than " + MAX_DEPTH + " levels");
        }
    }

    void leave() {
        depth--;
    }

    int nextParameter() {
        return parameters++;
    }

    int parameterCount() {
        return parameters;
    }

    /** The position of {@code start} with the length of the text from it to the last token consumed. */
    Pos spanFrom(Token start) {
        int end = Math.max(previous().end(), start.end());
        return new Pos(start.line(), start.column(), text.codePointCount(start.offset(), end));
    }
}
