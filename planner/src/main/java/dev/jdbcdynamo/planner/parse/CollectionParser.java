package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the constructors {@code {'k': v}}, {@code [a, b]} and {@code <<a, b>>}, and INSERT's item. */
final class CollectionParser {
    // DynamoDB converts these literals to attribute values after parsing and names the place of a
    // bad one by a context: "root" for the outermost constructor (for INSERT, each attribute's
    // value), then ".key" and ".index" inward ("root.1.0"). The messages below are DynamoDB's.
    static final String ROOT = "root";
    /** DynamoDB's limit on constructors nested in a statement, the outermost one (INSERT's item) included. */
    static final int MAX_NESTING = 32;

    /** Constructors open around the current token. */
    private int nesting;

    private final TokenStream tokens;
    private final ExpressionParser expressions;

    CollectionParser(TokenStream tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    /** A constructor, which the current token opens. */
    Expr parseValue(String context) {
        if (tokens.at(TokenKind.LEFT_BRACE)) {
            return parseMap(context, false);
        } else if (tokens.at(TokenKind.LEFT_BRACKET)) {
            return parseList(context);
        }
        return parseBag(context);
    }

    /** INSERT's {@code {'attribute': value, ...}}, whose duplicate attributes DynamoDB reports at the key. */
    Expr parseItem() {
        return parseMap(ROOT, true);
    }

    private Expr parseMap(String context, boolean item) {
        Token open = tokens.expect(TokenKind.LEFT_BRACE);
        tokens.enter();
        nest(open.pos());
        List<Expr.MapExpr.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (!tokens.at(TokenKind.RIGHT_BRACE)) {
            do {
                Token keyToken = tokens.peek();
                String key = parseKey(context);
                tokens.expect(TokenKind.COLON);
                Expr value = item ? parseAttributeValue() : parseElement(context + "." + key);
                if (key == null) {
                    key = "\u0000" + entries.size();
                } else if (!keys.add(key)) {
                    tokens.deferValidation("Duplicate keys in tuple. Key: " + key + " under " + context,
                            item ? keyToken.pos() : open.pos());
                }
                entries.add(new Expr.MapExpr.Entry(key, value));
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RIGHT_BRACE);
        tokens.leave();
        nesting--;
        return new Expr.MapExpr(entries, open.pos());
    }

    /** A string literal; DynamoDB parses any expression as a key and then rejects it (null here). */
    private String parseKey(String context) {
        Token start = tokens.peek();
        if (start.kind() == TokenKind.STRING) {
            tokens.next();
            return start.text();
        }
        tokens.expecting(TokenKind.STRING.display());
        Expr key = expressions.parseExpr();
        tokens.deferValidation("Tuple keys must be of type String. Actual type: " + typeName(key) + " under " + context,
                tokens.spanFrom(start));
        return null;
    }

    private static String typeName(Expr expr) {
        if (expr instanceof Expr.Parameter) {
            return "Parameter";
        } else if (expr instanceof Expr.PathRef) {
            return "VariableReference";
        } else if (expr instanceof Expr.Literal literal) {
            AttributeValue value = literal.value();
            if (value instanceof AttributeValue.N n) {
                return n.value().scale() <= 0 ? "INT" : "DECIMAL";
            }
            return value.type();
        } else if (expr instanceof Expr.MapExpr) {
            return "STRUCT";
        } else if (expr instanceof Expr.ListExpr) {
            return "LIST";
        } else if (expr instanceof Expr.SetExpr) {
            return "BAG";
        }
        return expr.getClass().getSimpleName();
    }

    /** The value of one attribute of INSERT's item. */
    private Expr parseAttributeValue() {
        Token token = tokens.peek();
        if (token.isWord("MISSING")) {
            return missing("Unsupported data type: MISSING under key " + ROOT);
        }
        return parseElement(ROOT);
    }

    /** A map value, list element or bag element: nested constructors keep the context. */
    private Expr parseElement(String context) {
        Token token = tokens.peek();
        if (token.kind() == TokenKind.LEFT_BRACE || token.kind() == TokenKind.LEFT_BRACKET
                || token.kind() == TokenKind.LEFT_BAG) {
            return parseValue(context);
        } else if (token.isWord("MISSING")) {
            return missing("Unsupported data type: LiteralMissing under key " + context);
        }
        return expressions.parseExpr();
    }

    private Expr missing(String message) {
        Pos pos = tokens.next().pos();
        tokens.deferValidation(message, pos);
        return new Expr.Literal(AttributeValue.Null.INSTANCE, pos);
    }

    private Expr parseList(String context) {
        Token open = tokens.expect(TokenKind.LEFT_BRACKET);
        List<Expr> elements = parseElements(context, TokenKind.RIGHT_BRACKET);
        return new Expr.ListExpr(elements, open.pos());
    }

    private Expr parseBag(String context) {
        Token open = tokens.expect(TokenKind.LEFT_BAG);
        List<Expr> elements = parseElements(context, TokenKind.RIGHT_BAG);
        if (elements.isEmpty()) {
            tokens.deferValidation("Empty bags are not supported", open.pos());
        }
        return new Expr.SetExpr(elements, open.pos());
    }

    private List<Expr> parseElements(String context, TokenKind close) {
        tokens.enter();
        nest(tokens.peek().pos());
        List<Expr> elements = new ArrayList<>();
        if (!tokens.at(close)) {
            do {
                elements.add(parseElement(context + "." + elements.size()));
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(close);
        tokens.leave();
        nesting--;
        return elements;
    }

    /** Opens one constructor; DynamoDB refuses a literal nested deeper than {@link #MAX_NESTING}. */
    private void nest(Pos pos) {
        if (++nesting > MAX_NESTING) {
            tokens.defer(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION,
                    "Nesting Levels have exceeded supported limits", pos);
        }
    }
}
