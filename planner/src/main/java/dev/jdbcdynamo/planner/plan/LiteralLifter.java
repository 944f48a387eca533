package dev.jdbcdynamo.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.parse.AstPrinter;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifts the literals out of a statement so that statements differing only in their values share
 * one plan: string and number literals that are direct operands of a comparison, BETWEEN or IN in
 * the WHERE clause of a plain SELECT without parameters of its own become parameters.
 *
 * <p>Only there, because only there does a literal behave exactly as a parameter: the binder and
 * the access-path rules treat both as "a value known before any item is read", DynamoDB's checks
 * of constant operands run on the value either way, and no message names their positions.
 * Elsewhere a literal's value or position matters (update operands are checked as literals when
 * the statement is bound; EXPLAIN prints values and the shard a literal key reaches; LIMIT and
 * paths take numbers as structure), so those statements keep their literals and are cached by
 * their text.
 */
public final class LiteralLifter {
    private LiteralLifter() {
    }

    /** A statement with literals as parameters, their values in parameter order, and its shape. */
    public record Lifted(Statement statement, List<AttributeValue> values, String shape) {
        public Lifted {
            requireNonNull(statement, "statement is null");
            values = List.copyOf(values);
            requireNonNull(shape, "shape is null");
        }
    }

    /**
     * The lifted form of a statement with {@code parameterCount} parameters of its own, or null
     * when it has nothing that may be lifted. A statement with parameters of its own keeps its
     * literals: the shape prints every parameter as {@code ?}, so it is a sound key only when the
     * parameters are numbered in the order they are printed, as lifted ones are.
     */
    public static Lifted lift(Statement statement, int parameterCount) {
        if (parameterCount > 0 || !(statement instanceof Statement.Select select) || select.where() == null
                || !(select.from() instanceof Statement.FromTable) || select.distinct()
                || !select.groupBy().isEmpty() || select.having() != null || select.limit() != null
                || select.offset() != null) {
            return null;
        }
        List<AttributeValue> values = new ArrayList<>();
        Expr where = condition(select.where(), parameterCount, values);
        if (values.isEmpty()) {
            return null;
        }
        Statement.Select lifted = new Statement.Select(false, select.items(), select.from(), where, select.groupBy(),
                null, select.orderBy(), null, null, select.pos());
        return new Lifted(lifted, values, AstPrinter.print(lifted));
    }

    private static Expr condition(Expr e, int first, List<AttributeValue> values) {
        if (e instanceof Expr.And a) {
            Expr left = condition(a.left(), first, values);
            return new Expr.And(left, condition(a.right(), first, values), a.pos());
        } else if (e instanceof Expr.Or o) {
            Expr left = condition(o.left(), first, values);
            return new Expr.Or(left, condition(o.right(), first, values), o.pos());
        } else if (e instanceof Expr.Not n) {
            return new Expr.Not(condition(n.operand(), first, values), n.pos());
        } else if (e instanceof Expr.Compare c) {
            Expr left = operand(c.left(), first, values);
            return new Expr.Compare(c.op(), left, operand(c.right(), first, values), c.pos());
        } else if (e instanceof Expr.Between b) {
            Expr value = operand(b.value(), first, values);
            Expr low = operand(b.low(), first, values);
            return new Expr.Between(value, low, operand(b.high(), first, values), b.pos());
        } else if (e instanceof Expr.In in) {
            Expr value = operand(in.value(), first, values);
            List<Expr> candidates = new ArrayList<>();
            for (Expr candidate : in.candidates()) {
                candidates.add(operand(candidate, first, values));
            }
            return new Expr.In(value, candidates, in.pos());
        }
        return e;
    }

    /** A string or number literal becomes the next parameter; anything else stays. */
    private static Expr operand(Expr e, int first, List<AttributeValue> values) {
        if (e instanceof Expr.Literal literal
                && (literal.value() instanceof AttributeValue.S || literal.value() instanceof AttributeValue.N)) {
            values.add(literal.value());
            return new Expr.Parameter(first + values.size() - 1, literal.pos());
        }
        return e;
    }
}
