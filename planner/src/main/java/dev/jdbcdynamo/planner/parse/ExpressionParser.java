package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses expressions by precedence, loosest first: OR, AND, NOT, comparisons (= <> != < <= > >=,
 * BETWEEN, IN, IS; left-associative, as in PartiQL), + and -, * and /, unary minus, then paths,
 * literals, parameters, constructors and function calls.
 */
final class ExpressionParser {
    private static final String UNSUPPORTED_OPERATOR = "Unsupported operator in Condition Expression. Operator: ";
    private static final String IN_OPERANDS = "IN operator must have a left hand argument of type Variable Reference"
            + " and right hand argument of type Seq with at least one member";
    private static final Set<String> AGGREGATES = Set.of("sum", "min", "max", "avg");
    static final String MISSING_AS_VALUE = "MISSING must be compared using IS operator";

    private final TokenStream tokens;
    private final Supplier<Statement.Select> subquery;
    private final PathParser paths;
    private final CollectionParser collections;

    ExpressionParser(TokenStream tokens, Supplier<Statement.Select> subquery) {
        this.tokens = tokens;
        this.subquery = subquery;
        this.paths = new PathParser(tokens, this);
        this.collections = new CollectionParser(tokens, this);
    }

    PathParser paths() {
        return paths;
    }

    CollectionParser collections() {
        return collections;
    }

    Expr parseExpr() {
        tokens.enter();
        Expr result = parseOr();
        tokens.leave();
        return result;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (tokens.atWord("OR")) {
            Token op = tokens.next();
            left = new Expr.Or(left, parseAnd(), op.pos());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (tokens.atWord("AND")) {
            Token op = tokens.next();
            left = new Expr.And(left, parseNot(), op.pos());
        }
        return left;
    }

    private Expr parseNot() {
        if (!tokens.atWord("NOT")) {
            return parseComparison();
        }
        Token op = tokens.next();
        tokens.enter();
        Expr operand = parseNot();
        tokens.leave();
        return new Expr.Not(operand, op.pos());
    }

    private Expr parseComparison() {
        Expr left = parseAdditive();
        while (true) {
            Token op = tokens.peek();
            Expr.CompareOp compare = compareOp(op.kind());
            if (compare != null) {
                tokens.next();
                left = new Expr.Compare(compare, left, parseAdditive(), op.pos());
            } else if (op.isWord("IS")) {
                left = parseIs(left);
            } else if (op.isWord("NOT") && isWordPredicate(tokens.peek(1))) {
                tokens.next();
                left = new Expr.Not(parsePredicate(left, tokens.peek()), op.pos());
            } else if (isWordPredicate(op)) {
                left = parsePredicate(left, op);
            } else {
                return left;
            }
        }
    }

    private static boolean isWordPredicate(Token token) {
        return token.isWord("BETWEEN") || token.isWord("IN") || token.isWord("LIKE");
    }

    private static Expr.CompareOp compareOp(TokenKind kind) {
        switch (kind) {
            case EQ: return Expr.CompareOp.EQ;
            case NE: return Expr.CompareOp.NE;
            case LT: return Expr.CompareOp.LT;
            case LE: return Expr.CompareOp.LE;
            case GT: return Expr.CompareOp.GT;
            case GE: return Expr.CompareOp.GE;
            default: return null;
        }
    }

    /** {@code IS [NOT] MISSING} or {@code IS [NOT] NULL}. */
    private Expr parseIs(Expr left) {
        Token op = tokens.next();
        boolean negated = tokens.acceptWord("NOT");
        if (tokens.acceptWord("MISSING")) {
            return new Expr.IsCheck(left, Expr.IsKind.MISSING, negated, op.pos());
        }
        tokens.expectWord("NULL");
        return new Expr.IsCheck(left, Expr.IsKind.NULL, negated, op.pos());
    }

    /** BETWEEN, IN or LIKE, whose keyword is the current token. */
    private Expr parsePredicate(Expr left, Token op) {
        tokens.next();
        if (op.isWord("BETWEEN")) {
            Expr low = parseAdditive();
            tokens.expectWord("AND");
            return new Expr.Between(left, low, parseAdditive(), op.pos());
        } else if (op.isWord("IN")) {
            return new Expr.In(left, parseInCandidates(), op.pos());
        }
        Expr pattern = parseAdditive();
        if (tokens.atWord("ESCAPE")) {
            tokens.next();
            parseAdditive();
        }
        tokens.defer(ErrorCode.VALIDATION, UNSUPPORTED_OPERATOR + "like", op.pos());
        return new Expr.Compare(Expr.CompareOp.EQ, left, pattern, op.pos());
    }

    /** {@code (a, b)} or {@code [a, b]}; DynamoDB parses any other operand and then rejects it. */
    private List<Expr> parseInCandidates() {
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            tokens.next();
            List<Expr> candidates = parseList(TokenKind.RIGHT_PAREN, false);
            tokens.expect(TokenKind.RIGHT_PAREN);
            return candidates;
        }
        Token start = tokens.peek();
        if (tokens.at(TokenKind.LEFT_BRACKET)) {
            tokens.next();
            tokens.enter();
            List<Expr> candidates = parseList(TokenKind.RIGHT_BRACKET, true);
            tokens.expect(TokenKind.RIGHT_BRACKET);
            tokens.leave();
            if (candidates.isEmpty()) {
                tokens.defer(ErrorCode.VALIDATION, IN_OPERANDS, start.pos());
            }
            return candidates;
        }
        tokens.expecting(TokenKind.LEFT_PAREN.display());
        tokens.expecting(TokenKind.LEFT_BRACKET.display());
        Expr operand = parseAdditive();
        tokens.defer(ErrorCode.VALIDATION, IN_OPERANDS, start.pos());
        return List.of(operand);
    }

    /** Comma-separated expressions; none when {@code mayBeEmpty} and {@code close} is next. */
    List<Expr> parseList(TokenKind close, boolean mayBeEmpty) {
        List<Expr> items = new ArrayList<>();
        if (mayBeEmpty && tokens.at(close)) {
            return items;
        }
        do {
            items.add(parseExpr());
        } while (tokens.accept(TokenKind.COMMA));
        return items;
    }

    private Expr parseAdditive() {
        Expr left = parseMultiplicative();
        while (true) {
            Token op = tokens.peek();
            if (op.kind() == TokenKind.PLUS || op.kind() == TokenKind.MINUS) {
                tokens.next();
                Expr.ArithmeticOp arithmetic = op.kind() == TokenKind.PLUS
                        ? Expr.ArithmeticOp.ADD : Expr.ArithmeticOp.SUBTRACT;
                left = new Expr.Arithmetic(arithmetic, left, parseMultiplicative(), op.pos());
            } else if (op.kind() == TokenKind.CONCAT) {
                tokens.next();
                tokens.defer(ErrorCode.VALIDATION, UNSUPPORTED_OPERATOR + "||", op.pos());
                left = new Expr.Arithmetic(Expr.ArithmeticOp.ADD, left, parseMultiplicative(), op.pos());
            } else {
                return left;
            }
        }
    }

    private Expr parseMultiplicative() {
        Expr left = parseUnary();
        while (true) {
            Token op = tokens.peek();
            if (op.kind() == TokenKind.STAR || op.kind() == TokenKind.SLASH) {
                tokens.next();
                tokens.unsupportedArithmetic();
                Expr.ArithmeticOp arithmetic = op.kind() == TokenKind.STAR
                        ? Expr.ArithmeticOp.MULTIPLY : Expr.ArithmeticOp.DIVIDE;
                left = new Expr.Arithmetic(arithmetic, left, parseUnary(), op.pos());
            } else if (op.kind() == TokenKind.PERCENT) {
                tokens.next();
                tokens.defer(ErrorCode.VALIDATION, UNSUPPORTED_OPERATOR + "%", op.pos());
                left = new Expr.Arithmetic(Expr.ArithmeticOp.DIVIDE, left, parseUnary(), op.pos());
            } else {
                return left;
            }
        }
    }

    /** Unary minus; on a number literal it folds into the literal ({@code -1.5} is one value). */
    private Expr parseUnary() {
        Token op = tokens.peek();
        if (op.kind() != TokenKind.MINUS && op.kind() != TokenKind.PLUS) {
            return paths.parsePostfix(parsePrimary());
        }
        tokens.next();
        if (tokens.at(TokenKind.NUMBER)) {
            Token number = tokens.next();
            String text = op.kind() == TokenKind.MINUS ? "-" + number.text() : number.text();
            return paths.parsePostfix(numberLiteral(text, number, tokens.spanFrom(op)));
        }
        tokens.enter();
        Expr operand = parseUnary();
        tokens.leave();
        return op.kind() == TokenKind.MINUS ? new Expr.Negate(operand, op.pos()) : operand;
    }

    private Expr parsePrimary() {
        Token token = tokens.peek();
        switch (token.kind()) {
            case PARAMETER:
                tokens.next();
                return new Expr.Parameter(tokens.nextParameter(), token.pos());
            case STRING:
                tokens.next();
                return new Expr.Literal(new AttributeValue.S(token.text()), token.pos());
            case NUMBER:
                tokens.next();
                return numberLiteral(token.text(), token, token.pos());
            case LEFT_PAREN:
                return parseParenthesized();
            case LEFT_BRACE:
            case LEFT_BRACKET:
            case LEFT_BAG:
                return collections.parseValue(CollectionParser.ROOT);
            case QUOTED_IDENTIFIER:
                return tokens.peek(1).kind() == TokenKind.LEFT_PAREN ? parseCall() : paths.parsePathRef();
            case IDENTIFIER:
                return parseWord(token);
            default:
                tokens.expecting("expression");
                throw tokens.unexpected();
        }
    }

    private Expr parseParenthesized() {
        tokens.next();
        Expr inner = parseExpr();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return inner;
    }

    /** A word in an operand: a literal keyword, EXISTS(SELECT ...), a function call or a path. */
    private Expr parseWord(Token token) {
        if (token.isWord("TRUE") || token.isWord("FALSE")) {
            tokens.next();
            return new Expr.Literal(AttributeValue.Bool.of(token.isWord("TRUE")), token.pos());
        } else if (token.isWord("NULL")) {
            tokens.next();
            return new Expr.Literal(AttributeValue.Null.INSTANCE, token.pos());
        } else if (token.isWord("MISSING")) {
            tokens.next();
            tokens.defer(ErrorCode.VALIDATION, MISSING_AS_VALUE, token.pos());
            return new Expr.Literal(AttributeValue.Null.INSTANCE, token.pos());
        } else if (token.isWord("EXISTS") && tokens.peek(1).kind() == TokenKind.LEFT_PAREN
                && tokens.peek(2).isWord("SELECT")) {
            tokens.next();
            tokens.next();
            Statement.Select query = subquery.get();
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new Expr.Exists(query, token.pos());
        } else if (tokens.peek(1).kind() == TokenKind.LEFT_PAREN
                && (!token.isReserved() || ReservedWords.isFunctionName(token.text()))) {
            return parseCall();
        }
        return paths.parsePathRef();
    }

    /**
     * {@code name([DISTINCT] args)}: as in DynamoDB, SUM, MIN, MAX and AVG take one argument, COUNT
     * one or more or {@code *} ({@link Expr.Star}), other functions any number.
     */
    private Expr parseCall() {
        Token name = tokens.next();
        tokens.expect(TokenKind.LEFT_PAREN);
        tokens.enter();
        String function = name.text().toLowerCase(Locale.ROOT);
        boolean distinct = false;
        if (tokens.atWord("DISTINCT")) {
            tokens.next();
            distinct = true;
        }
        List<Expr> args;
        if (function.equals("count") && tokens.at(TokenKind.STAR)) {
            args = List.of(new Expr.Star(tokens.next().pos()));
        } else if (function.equals("count")) {
            args = parseList(TokenKind.RIGHT_PAREN, false);
        } else if (AGGREGATES.contains(function)) {
            args = List.of(parseExpr());
        } else {
            args = parseList(TokenKind.RIGHT_PAREN, !distinct);
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        tokens.leave();
        return new Expr.Call(function, args, distinct, name.pos());
    }

    /**
     * A number literal. Text that is not a number at all is a syntax error; a number DynamoDB
     * cannot hold (39 digits, 1E200) is its ValidationException, deferred.
     */
    Expr numberLiteral(String text, Token token, Pos pos) {
        try {
            new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw TokenStream.syntax(token, "Malformed number '" + Token.clip(text) + "'");
        }
        try {
            return new Expr.Literal(AttributeValue.N.of(text), pos);
        } catch (DynamoException e) {
            tokens.defer(e, pos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw TokenStream.syntax(token, "Malformed number '" + Token.clip(text) + "'");
        }
        return new Expr.Literal(new AttributeValue.N(BigDecimal.ZERO), pos);
    }
}
