package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates WHERE clauses and conditions on an item the way DynamoDB does: no type coercion (a
 * comparison of different types is false), MISSING is not NULL and makes every comparison false,
 * NOT simply negates, and the condition functions ({@code begins_with}, {@code contains},
 * {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type}).
 */
public final class ConditionEvaluator {
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private ConditionEvaluator() {
    }

    public static boolean test(Expr expr, Map<String, AttributeValue> item, List<AttributeValue> params) {
        if (expr instanceof Expr.And and) {
            return test(and.left(), item, params) && test(and.right(), item, params);
        } else if (expr instanceof Expr.Or or) {
            return test(or.left(), item, params) || test(or.right(), item, params);
        } else if (expr instanceof Expr.Not not) {
            return !test(not.operand(), item, params);
        } else if (expr instanceof Expr.Compare cmp) {
            AttributeValue left = value(cmp.left(), item, params);
            AttributeValue right = value(cmp.right(), item, params);
            if (cmp.op() != Expr.CompareOp.EQ && cmp.op() != Expr.CompareOp.NE) {
                checkOrderable(cmp.op().symbol(), cmp.left(), left);
                checkOrderable(cmp.op().symbol(), cmp.right(), right);
            }
            return compare(cmp.op(), left, right);
        } else if (expr instanceof Expr.Between b) {
            AttributeValue v = value(b.value(), item, params);
            AttributeValue low = value(b.low(), item, params);
            AttributeValue high = value(b.high(), item, params);
            Integer bounds = low == null || high == null ? null : ValueOrder.compare(low, high);
            if (bounds != null && bounds > 0) {
                throw ErrorCode.VALIDATION.error("The BETWEEN operator requires upper bound to be greater than or "
                        + "equal to lower bound; lower bound operand: AttributeValue: " + brief(low)
                        + ", upper bound operand: AttributeValue: " + brief(high));
            }
            return compare(Expr.CompareOp.GE, v, low) && compare(Expr.CompareOp.LE, v, high);
        } else if (expr instanceof Expr.In in) {
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
        } else if (expr instanceof Expr.IsCheck is) {
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

    private static AttributeValue value(Expr expr, Map<String, AttributeValue> item, List<AttributeValue> params) {
        return ExpressionEvaluator.evaluate(expr, item, params);
    }

    /** A constant operand of an ordering comparison must be S, N or B (DynamoDB rejects the statement). */
    private static void checkOrderable(String operator, Expr operand, AttributeValue value) {
        boolean constant = operand instanceof Expr.Literal || operand instanceof Expr.Parameter;
        if (constant && value != null && ValueOrder.compare(value, value) == null) {
            throw ErrorCode.VALIDATION.error("Incorrect operand type for operator or function; operator or function: "
                    + operator + ", operand type: " + value.type());
        }
    }

    /** DynamoDB's short form of a value in messages: {@code {N:50}}. */
    private static String brief(AttributeValue v) {
        String text = v instanceof AttributeValue.S s ? s.value()
                : v instanceof AttributeValue.N n ? dev.jdbcdynamo.planner.value.DynamoNumber.toText(n.value())
                : v instanceof AttributeValue.B b ? b.value().toBase64() : String.valueOf(v);
        return "{" + v.type() + ":" + text + "}";
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
                AttributeValue v = value(args.get(0), item, params);
                AttributeValue prefix = value(args.get(1), item, params);
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
                return contains(value(args.get(0), item, params), value(args.get(1), item, params));
            }
            case "attribute_exists", "attribute_not_exists" -> {
                ExpressionEvaluator.arity(call, 1);
                if (!(args.get(0) instanceof Expr.PathRef)) {
                    throw ErrorCode.VALIDATION.error("The operand of " + call.name() + " must be a path");
                }
                boolean exists = value(args.get(0), item, params) != null;
                return call.name().equals("attribute_exists") == exists;
            }
            case "attribute_type" -> {
                ExpressionEvaluator.arity(call, 2);
                AttributeValue type = value(args.get(1), item, params);
                if (!(type instanceof AttributeValue.S t) || !TYPES.contains(t.value())) {
                    throw ErrorCode.VALIDATION.error("Invalid attribute type name found; type: "
                            + (type instanceof AttributeValue.S t2 ? t2.value() : String.valueOf(type))
                            + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
                }
                AttributeValue v = value(args.get(0), item, params);
                return v != null && v.type().equals(t.value());
            }
            case "size", "list_append", "set_add", "set_delete", "if_not_exists" -> {
                AttributeValue v = value(call, item, params);
                return v instanceof AttributeValue.Bool b && b.value();
            }
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
