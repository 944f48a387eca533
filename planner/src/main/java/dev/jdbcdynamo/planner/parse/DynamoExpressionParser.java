package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses DynamoDB's expression languages (condition, key condition, filter, projection and update
 * expressions with {@code #name} and {@code :value} placeholders) into the planner's own AST, so
 * that one evaluator serves them and PartiQL. Placeholders become quoted names and literals;
 * the parser records which were used, for DynamoDB's unused-placeholder check.
 */
public final class DynamoExpressionParser {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    /** A parser over one request's ExpressionAttributeNames and ExpressionAttributeValues (either may be null). */
    public DynamoExpressionParser(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names == null ? Map.of() : Map.copyOf(names);
        this.values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A ConditionExpression, FilterExpression or KeyConditionExpression. */
    public Expr condition(String text) {
        Rewritten r = rewrite(text, "condition");
        TokenStream tokens = tokens(r.text());
        Expr expr = new ExpressionParser(tokens, () -> {
            throw tokens.unexpected();
        }).parseExpr();
        tokens.expect(TokenKind.END);
        tokens.throwDeferred();
        rejectArithmetic(expr);
        return bind(expr, r.params());
    }

    /** Arithmetic belongs to SET only: DynamoDB's condition grammar has no + or -. */
    private static void rejectArithmetic(Expr expr) {
        if (expr instanceof Expr.Arithmetic a) {
            throw ErrorCode.VALIDATION.error("Invalid ConditionExpression: Syntax error; token: \"" + a.op().symbol() + "\"");
        } else if (expr instanceof Expr.Compare c) {
            rejectArithmetic(c.left());
            rejectArithmetic(c.right());
        } else if (expr instanceof Expr.Between b) {
            rejectArithmetic(b.value());
            rejectArithmetic(b.low());
            rejectArithmetic(b.high());
        } else if (expr instanceof Expr.In in) {
            rejectArithmetic(in.value());
            in.candidates().forEach(DynamoExpressionParser::rejectArithmetic);
        } else if (expr instanceof Expr.And a) {
            rejectArithmetic(a.left());
            rejectArithmetic(a.right());
        } else if (expr instanceof Expr.Or o) {
            rejectArithmetic(o.left());
            rejectArithmetic(o.right());
        } else if (expr instanceof Expr.Not n) {
            rejectArithmetic(n.operand());
        } else if (expr instanceof Expr.Call call) {
            call.args().forEach(DynamoExpressionParser::rejectArithmetic);
        }
    }

    /** A ProjectionExpression: paths separated by commas. */
    public List<Path> projection(String text) {
        Rewritten r = rewrite(text, "projection");
        TokenStream tokens = tokens(r.text());
        ExpressionParser expressions = new ExpressionParser(tokens, () -> {
            throw tokens.unexpected();
        });
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(expressions.paths().parsePath());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.END);
        return paths;
    }

    /**
     * An UpdateExpression: SET, REMOVE, ADD and DELETE clauses, each at most once, as the update
     * actions of the planner. ADD to a number is {@code SET p = if_not_exists(p, 0) + v}, ADD to a
     * set {@code set_add} and DELETE {@code set_delete}, the functions PartiQL's UPDATE uses.
     */
    public List<Statement.UpdateAction> update(String text) {
        Rewritten r = rewrite(text, "update");
        TokenStream tokens = tokens(r.text());
        ExpressionParser expressions = new ExpressionParser(tokens, () -> {
            throw tokens.unexpected();
        });
        List<Statement.UpdateAction> actions = new ArrayList<>();
        Set<String> clauses = new LinkedHashSet<>();
        while (!tokens.at(TokenKind.END)) {
            Token clause = tokens.next();
            String word = clause.text().toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(word)) {
                throw TokenStream.syntax(clause, "Invalid UpdateExpression: Syntax error; token: \"" + clause.text() + "\"");
            }
            if (!clauses.add(word)) {
                throw ErrorCode.VALIDATION.error("Invalid UpdateExpression: The \"" + word
                        + "\" section can only be used once in an update expression;");
            }
            do {
                Token start = tokens.peek();
                Path path = expressions.paths().parsePath();
                Expr target = new Expr.PathRef(path, start.pos());
                switch (word) {
                    case "SET" -> {
                        tokens.expect(TokenKind.EQ);
                        actions.add(new Statement.SetAction(path, expressions.parseExpr(), start.pos()));
                    }
                    case "REMOVE" -> actions.add(new Statement.RemoveAction(path, start.pos()));
                    case "ADD" -> {
                        Expr operand = expressions.parseExpr();
                        Expr bound = bind(operand, r.params());
                        Expr value = bound instanceof Expr.Literal l && l.value() instanceof AttributeValue.N
                                ? new Expr.Arithmetic(Expr.ArithmeticOp.ADD, new Expr.Call("if_not_exists",
                                        List.of(target, new Expr.Literal(AttributeValue.N.of(0), start.pos())),
                                        false, start.pos()), operand, start.pos())
                                : new Expr.Call("set_add", List.of(target, operand), false, start.pos());
                        actions.add(new Statement.SetAction(path, value, start.pos()));
                    }
                    default -> actions.add(new Statement.SetAction(path,
                            new Expr.Call("set_delete", List.of(target, expressions.parseExpr()), false, start.pos()),
                            start.pos()));
                }
            } while (tokens.accept(TokenKind.COMMA));
        }
        if (actions.isEmpty()) {
            throw ErrorCode.VALIDATION.error("Invalid UpdateExpression: The expression can not be empty;");
        }
        tokens.throwDeferred();
        List<Statement.UpdateAction> bound = new ArrayList<>();
        for (Statement.UpdateAction action : actions) {
            bound.add(action instanceof Statement.SetAction set
                    ? new Statement.SetAction(set.path(), bind(set.value(), r.params()), set.pos()) : action);
        }
        return bound;
    }

    /**
     * DynamoDB's check once every expression of a request is parsed: a name or value given and not
     * used is a ValidationException.
     */
    public void checkAllUsed() {
        Set<String> unusedNames = new LinkedHashSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw ErrorCode.VALIDATION.error("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new LinkedHashSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw ErrorCode.VALIDATION.error("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static TokenStream tokens(String text) {
        return new TokenStream(text, Lexer.tokenize(text));
    }

    private record Rewritten(String text, List<AttributeValue> params) {
    }

    /** Names become quoted identifiers and values {@code ?} parameters, bound to literals after parsing. */
    private Rewritten rewrite(String text, String kind) {
        if (text == null || text.isBlank()) {
            throw ErrorCode.VALIDATION.error("Invalid " + kind + " expression: The expression can not be empty;");
        }
        StringBuilder out = new StringBuilder();
        List<AttributeValue> params = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#' || c == ':') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String token = text.substring(i, end);
                if (c == '#') {
                    String name = names.get(token);
                    if (name == null) {
                        throw ErrorCode.VALIDATION.error("Invalid " + kind + " expression: An expression attribute name"
                                + " used in the document path is not defined; attribute name: " + token);
                    }
                    usedNames.add(token);
                    out.append('"').append(name.replace("\"", "\"\"")).append('"');
                } else {
                    AttributeValue value = values.get(token);
                    if (value == null) {
                        throw ErrorCode.VALIDATION.error("Invalid " + kind + " expression: An expression attribute value"
                                + " used in expression is not defined; attribute value: " + token);
                    }
                    usedValues.add(token);
                    params.add(value);
                    out.append('?');
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                throw ErrorCode.VALIDATION.error("Invalid " + kind + " expression: Syntax error; token: \"" + c + "\"");
            } else {
                out.append(c);
                i++;
            }
        }
        return new Rewritten(out.toString(), params);
    }

    /** The expression with its parameters replaced by the values they stand for. */
    static Expr bind(Expr expr, List<AttributeValue> params) {
        return new ParameterBinder(params).bind(expr);
    }
}
