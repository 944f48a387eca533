package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates WHERE clauses and conditions on an item as DynamoDB does: two-valued logic (a
 * comparison with MISSING or across types is false, so {@code <>} and NOT of it are true), MISSING
 * is not NULL, strings compare by UTF-8 bytes, binaries unsigned, numbers as decimals, and the
 * condition functions with DynamoDB's checks of their constant operands.
 */
public final class ConditionEvaluator {
    static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private ConditionEvaluator() {
    }

    /**
     * Whether the condition holds for the item (two-valued, as DynamoDB: NOT of a comparison with
     * MISSING is true). Checks on constant operands fail with DynamoDB's ValidationException.
     */
    public static boolean test(Expr expr, Map<String, AttributeValue> item, List<AttributeValue> params) {
        if (expr instanceof Expr.And and) {
            return test(and.left(), item, params) && test(and.right(), item, params);
        } else if (expr instanceof Expr.Or or) {
            return test(or.left(), item, params) || test(or.right(), item, params);
        } else if (expr instanceof Expr.Not not) {
            return !test(not.operand(), item, params);
        } else if (expr instanceof Expr.Compare cmp) {
            return compareOperands(cmp, item, params);
        } else if (expr instanceof Expr.Between b) {
            return between(b, item, params);
        } else if (expr instanceof Expr.In in) {
            return in(in, item, params);
        } else if (expr instanceof Expr.IsCheck is) {
            if (is.kind() == Expr.IsKind.MISSING) {
                ConditionChecks.requirePath("attribute_not_exists", is.value());
            }
            AttributeValue v = value(is.value(), item, params);
            boolean holds = is.kind() == Expr.IsKind.MISSING ? v == null : v instanceof AttributeValue.Null;
            return holds != is.negated();
        } else if (expr instanceof Expr.Call call) {
            return function(call, item, params);
        } else if (expr instanceof Expr.Exists) {
            throw ErrorCode.VALIDATION.error("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        AttributeValue v = value(expr, item, params);
        return v instanceof AttributeValue.Bool b && b.value();
    }

    /**
     * DynamoDB's checks of a condition that need no item (its shape: a predicate at the top and
     * under AND, OR, NOT); the operand checks run in {@link #test} on the first item.
     */
    public static void validate(Expr condition) {
        ConditionChecks.shape(condition);
    }

    private static boolean compareOperands(Expr.Compare cmp, Map<String, AttributeValue> item,
                                           List<AttributeValue> params) {
        ConditionChecks.distinct(cmp.op().symbol(), cmp.left(), List.of(cmp.right()));
        AttributeValue left = value(cmp.left(), item, params);
        AttributeValue right = value(cmp.right(), item, params);
        if (cmp.op() != Expr.CompareOp.EQ && cmp.op() != Expr.CompareOp.NE) {
            ConditionChecks.orderable(cmp.op().symbol(), cmp.left(), left);
            ConditionChecks.orderable(cmp.op().symbol(), cmp.right(), right);
        }
        return compare(cmp.op(), left, right);
    }

    private static boolean between(Expr.Between b, Map<String, AttributeValue> item, List<AttributeValue> params) {
        ConditionChecks.distinct("BETWEEN", b.value(), List.of(b.low(), b.high()));
        AttributeValue v = value(b.value(), item, params);
        AttributeValue low = value(b.low(), item, params);
        AttributeValue high = value(b.high(), item, params);
        ConditionChecks.orderable("BETWEEN", b.low(), low);
        ConditionChecks.orderable("BETWEEN", b.high(), high);
        ConditionChecks.bounds(b.low(), low, b.high(), high);
        return compare(Expr.CompareOp.GE, v, low) && compare(Expr.CompareOp.LE, v, high);
    }

    private static boolean in(Expr.In in, Map<String, AttributeValue> item, List<AttributeValue> params) {
        ConditionChecks.distinct("IN", in.value(), in.candidates());
        AttributeValue v = value(in.value(), item, params);
        if (v == null) {
            return false;
        }
        for (Expr candidate : in.candidates()) {
            if (ValueOrder.equal(v, value(candidate, item, params))) {
                return true;
            }
        }
        return false;
    }

    /** An operand: anything but the update functions and arithmetic, which DynamoDB refuses here. */
    private static AttributeValue value(Expr expr, Map<String, AttributeValue> item, List<AttributeValue> params) {
        if (expr instanceof Expr.Call call && ExpressionEvaluator.isValueFunctionName(call.name())) {
            throw ErrorCode.VALIDATION.error(
                    "The function is not allowed in a condition expression; function: " + call.name());
        }
        if (expr instanceof Expr.Arithmetic a) {
            throw ErrorCode.VALIDATION.error("Unsupported operator in Condition Expression. Operator: "
                    + a.op().symbol());
        }
        return ExpressionEvaluator.evaluate(expr, item, params);
    }

    static boolean compare(Expr.CompareOp op, AttributeValue left, AttributeValue right) {
        if (op == Expr.CompareOp.NE) {
            // Not equal holds when either side is MISSING, as in DynamoDB.
            return !ValueOrder.equal(left, right);
        }
        if (left == null || right == null) {
            return false;
        }
        if (op == Expr.CompareOp.EQ) {
            return ValueOrder.equal(left, right);
        }
        Integer c = ValueOrder.compare(left, right);
        if (c == null) {
            return false;
        }
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ, NE -> throw new AssertionError(op);
        };
    }

    private static boolean function(Expr.Call call, Map<String, AttributeValue> item, List<AttributeValue> params) {
        List<Expr> args = call.args();
        switch (call.name()) {
            case "begins_with" -> {
                ExpressionEvaluator.arity(call, 2);
                ConditionChecks.distinct(call.name(), args.get(0), args.subList(1, 2));
                AttributeValue v = value(args.get(0), item, params);
                AttributeValue prefix = value(args.get(1), item, params);
                ExpressionEvaluator.requireConstantType(call.name(), args.get(0), v, "S", "B");
                ExpressionEvaluator.requireConstantType(call.name(), args.get(1), prefix, "S", "B");
                if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
                    return s.value().startsWith(p.value());
                }
                if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
                    return startsWith(b.value(), p.value());
                }
                return false;
            }
            case "contains" -> {
                ExpressionEvaluator.arity(call, 2);
                ConditionChecks.distinct(call.name(), args.get(0), args.subList(1, 2));
                return contains(value(args.get(0), item, params), value(args.get(1), item, params));
            }
            case "attribute_exists", "attribute_not_exists" -> {
                ExpressionEvaluator.arity(call, 1);
                ConditionChecks.requirePath(call.name(), args.get(0));
                boolean exists = value(args.get(0), item, params) != null;
                return call.name().equals("attribute_exists") == exists;
            }
            case "attribute_type" -> {
                ExpressionEvaluator.arity(call, 2);
                String type = ConditionChecks.typeName(args.get(1), value(args.get(1), item, params));
                AttributeValue v = value(args.get(0), item, params);
                return v != null && v.type().equals(type);
            }
            case "size" -> {
                AttributeValue v = value(call, item, params);
                return v instanceof AttributeValue.Bool b && b.value();
            }
            case "list_append", "set_add", "set_delete", "if_not_exists" -> throw ErrorCode.VALIDATION.error(
                    "The function is not allowed in a condition expression; function: " + call.name());
            default -> throw ErrorCode.VALIDATION.error("Unrecognized function: " + call.name());
        }
    }

    private static boolean startsWith(Bytes value, Bytes prefix) {
        if (prefix.length() > value.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (value.at(i) != prefix.at(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(AttributeValue container, AttributeValue operand) {
        if (container == null || operand == null) {
            return false;
        }
        if (container instanceof AttributeValue.S s && operand instanceof AttributeValue.S o) {
            return s.value().contains(o.value());
        }
        if (container instanceof AttributeValue.B b && operand instanceof AttributeValue.B o) {
            return indexOf(b.value(), o.value());
        }
        if (container instanceof AttributeValue.SS set && operand instanceof AttributeValue.S o) {
            return set.value().contains(o.value());
        }
        if (container instanceof AttributeValue.NS set && operand instanceof AttributeValue.N o) {
            return set.value().contains(o.value());
        }
        if (container instanceof AttributeValue.BS set && operand instanceof AttributeValue.B o) {
            return set.value().contains(o.value());
        }
        if (container instanceof AttributeValue.L list) {
            return list.value().stream().anyMatch(e -> ValueOrder.equal(e, operand));
        }
        return false;
    }

    private static boolean indexOf(Bytes haystack, Bytes needle) {
        outer:
        for (int i = 0; i + needle.length() <= haystack.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (haystack.at(i + j) != needle.at(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
