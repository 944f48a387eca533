package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Parses document paths: {@code a.b[0]."c d"}, {@code a['b']} (a field), {@code alias.*}. */
final class PathParser {
    private static final String UNEXPECTED_COMPONENT = "Unexpected path component";
    private static final String EMPTY_COMPONENT = "Path component cannot be an empty string";
    private static final BigInteger MAX_INDEX = BigInteger.valueOf(Integer.MAX_VALUE);
    /** DynamoDB's limit on the elements of a document path, its root included. */
    static final int MAX_PATH_ELEMENTS = 32;

    private final TokenStream tokens;
    private final ExpressionParser expressions;

    PathParser(TokenStream tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    Expr.PathRef parsePathRef() {
        Token root = tokens.peek();
        return new Expr.PathRef(parsePath(), root.pos());
    }

    /** A path that starts with an attribute name, as in SET and REMOVE. */
    Path parsePath() {
        Token root = tokens.peek();
        String name = tokens.expectName("attribute name");
        if (name.isEmpty()) {
            tokens.defer(ErrorCode.VALIDATION, EMPTY_COMPONENT, root.pos());
        }
        List<Path.Step> steps = new ArrayList<>();
        parseSteps(steps);
        checkDepth(steps, root);
        return new Path(name, steps);
    }

    /** Path steps after an operand; only a path may have them ({@code (a).b} is {@code a.b}). */
    Expr parsePostfix(Expr base) {
        if (!tokens.at(TokenKind.DOT) && !tokens.at(TokenKind.LEFT_BRACKET)) {
            return base;
        }
        if (base instanceof Expr.PathRef ref) {
            List<Path.Step> steps = new ArrayList<>(ref.path().steps());
            parseSteps(steps);
            checkDepth(steps, tokens.peek());
            return new Expr.PathRef(new Path(ref.path().root(), steps), ref.pos());
        }
        tokens.deferValidation(UNEXPECTED_COMPONENT, base.pos());
        parseSteps(new ArrayList<>());
        return base;
    }

    private void checkDepth(List<Path.Step> steps, Token at) {
        int elements = steps.size() + 1;
        if (elements > MAX_PATH_ELEMENTS) {
            tokens.defer(ErrorCode.VALIDATION, "The document path has too many nesting levels; nesting levels: "
                    + elements, at.pos());
        }
    }

    private void parseSteps(List<Path.Step> steps) {
        while (true) {
            if (tokens.at(TokenKind.DOT)) {
                tokens.next();
                steps.add(parseDotStep());
            } else if (tokens.at(TokenKind.LEFT_BRACKET)) {
                tokens.next();
                tokens.enter();
                steps.add(parseBracketStep());
                tokens.expect(TokenKind.RIGHT_BRACKET);
                tokens.leave();
            } else {
                return;
            }
        }
    }

    private Path.Step parseDotStep() {
        if (tokens.at(TokenKind.STAR)) {
            tokens.next();
            return new Path.Wildcard();
        }
        Token token = tokens.peek();
        tokens.expecting(TokenKind.STAR.display());
        String name = tokens.expectName("attribute name");
        if (name.isEmpty()) {
            tokens.defer(ErrorCode.VALIDATION, EMPTY_COMPONENT, token.pos());
        }
        return new Path.Field(name);
    }

    /** {@code [0]} is an index and {@code ['k']} a field; DynamoDB rejects anything else there. */
    private Path.Step parseBracketStep() {
        Token token = tokens.peek();
        boolean closes = tokens.peek(1).kind() == TokenKind.RIGHT_BRACKET;
        if (token.kind() == TokenKind.STRING && closes) {
            tokens.next();
            if (token.text().isEmpty()) {
                tokens.defer(ErrorCode.VALIDATION, EMPTY_COMPONENT, token.pos());
            }
            return new Path.Field(token.text());
        }
        if (isInteger(token) && closes) {
            tokens.next();
            return index(token, false);
        }
        Token number = tokens.peek(1);
        if (token.kind() == TokenKind.MINUS && isInteger(number)
                && tokens.peek(2).kind() == TokenKind.RIGHT_BRACKET) {
            tokens.next();
            tokens.next();
            return index(number, true);
        }
        if (token.kind() == TokenKind.STAR) {
            tokens.expecting("list index");
            throw tokens.unexpected();
        }
        expressions.parseExpr();
        tokens.deferValidation(UNEXPECTED_COMPONENT, token.pos());
        return new Path.Index(0);
    }

    private Path.Index index(Token number, boolean negative) {
        BigInteger value = new BigInteger(number.text());
        if (negative || value.compareTo(MAX_INDEX) > 0) {
            tokens.deferValidation("List index is not within the allowable range; index: ["
                    + (negative ? "-" : "") + number.text() + "]", number.pos());
            return new Path.Index(0);
        }
        return new Path.Index(value.intValue());
    }

    private static boolean isInteger(Token token) {
        return token.kind() == TokenKind.NUMBER && token.text().chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
