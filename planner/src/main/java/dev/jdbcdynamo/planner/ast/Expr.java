package dev.jdbcdynamo.planner.ast;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;

/** An expression of a statement: literals, parameters, paths, predicates and function calls. */
public sealed interface Expr {

    /**
     * Where the expression is in the statement text: its first token, or the operator token of an
     * infix operator (comparisons, BETWEEN, IN, IS, AND, OR, arithmetic), where DynamoDB points.
     */
    Pos pos();

    /** A constant scalar or a constant collection. */
    record Literal(AttributeValue value, Pos pos) implements Expr {
        public Literal {
            requireNonNull(value, "value is null");
        }
    }

    /** A JDBC {@code ?}; {@code index} is 0-based in the order of appearance. */
    record Parameter(int index, Pos pos) implements Expr {
    }

    /** A document path. */
    record PathRef(Path path, Pos pos) implements Expr {
        public PathRef {
            requireNonNull(path, "path is null");
        }
    }

    /** A map constructor {@code {'k': v, ...}} whose values may be any expression. */
    record MapExpr(List<Entry> entries, Pos pos) implements Expr {
        public MapExpr {
            entries = List.copyOf(entries);
        }

        /** One {@code 'key': value}. */
        public record Entry(String key, Expr value) {
            public Entry {
                requireNonNull(key, "key is null");
                requireNonNull(value, "value is null");
            }
        }
    }

    /** A list constructor {@code [a, b]}. */
    record ListExpr(List<Expr> elements, Pos pos) implements Expr {
        public ListExpr {
            elements = List.copyOf(elements);
        }
    }

    /** A set (bag) constructor {@code <<a, b>>}. */
    record SetExpr(List<Expr> elements, Pos pos) implements Expr {
        public SetExpr {
            elements = List.copyOf(elements);
        }
    }

    /** A binary comparison. */
    record Compare(CompareOp op, Expr left, Expr right, Pos pos) implements Expr {
    }

    /** {@code value BETWEEN low AND high}. */
    record Between(Expr value, Expr low, Expr high, Pos pos) implements Expr {
    }

    /** {@code value IN (a, b, ...)} or {@code value IN [a, b, ...]}. */
    record In(Expr value, List<Expr> candidates, Pos pos) implements Expr {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Expr left, Expr right, Pos pos) implements Expr {
    }

    record Or(Expr left, Expr right, Pos pos) implements Expr {
    }

    record Not(Expr operand, Pos pos) implements Expr {
    }

    /** {@code value IS [NOT] MISSING} or {@code value IS [NOT] NULL}. */
    record IsCheck(Expr value, IsKind kind, boolean negated, Pos pos) implements Expr {
    }

    /** {@code +}, {@code -}, {@code *}, {@code /}. */
    record Arithmetic(ArithmeticOp op, Expr left, Expr right, Pos pos) implements Expr {
    }

    /** Unary minus of a non-literal. */
    record Negate(Expr operand, Pos pos) implements Expr {
    }

    /**
     * A function call; {@code name} is lower case ({@code begins_with}, {@code size},
     * {@code list_append}, {@code count}, ...). {@code distinct} is SQL's {@code COUNT(DISTINCT x)}.
     */
    record Call(String name, List<Expr> args, boolean distinct, Pos pos) implements Expr {
        public Call {
            requireNonNull(name, "name is null");
            args = List.copyOf(args);
        }
    }

    /** {@code *} as the argument of {@code COUNT(*)}. */
    record Star(Pos pos) implements Expr {
    }

    /** {@code EXISTS(SELECT ...)}, a condition check inside a transaction. */
    record Exists(Statement.Select query, Pos pos) implements Expr {
    }

    /** Comparison operators. */
    enum CompareOp {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Arithmetic operators. */
    enum ArithmeticOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

        private final String symbol;

        ArithmeticOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** What IS checks. */
    enum IsKind {
        MISSING, NULL
    }
}
