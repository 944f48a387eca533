package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates value expressions over an item with DynamoDB's rules: paths (missing is MISSING,
 * returned as null), constructors, {@code +}/{@code -} on numbers, and the functions of update
 * expressions ({@code size}, {@code list_append}, {@code set_add}, {@code set_delete},
 * {@code if_not_exists}). Predicates evaluate to BOOL.
 */
public final class ExpressionEvaluator {
    static final String OPERAND_TYPE = "An operand in the update expression has an incorrect data type";
    static final String BAG_TYPES =
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";

    private ExpressionEvaluator() {
    }

    public static AttributeValue evaluate(Expr expr, Map<String, AttributeValue> item, List<AttributeValue> params) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        } else if (expr instanceof Expr.Parameter p) {
            if (p.index() >= params.size() || params.get(p.index()) == null) {
                throw ErrorCode.WRONG_PARAMETER_COUNT.error("Number of parameters in request and statement don't match.");
            }
            return params.get(p.index());
        } else if (expr instanceof Expr.PathRef ref) {
            return read(item, ref.path());
        } else if (expr instanceof Expr.MapExpr map) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Expr.MapExpr.Entry e : map.entries()) {
                AttributeValue v = evaluate(e.value(), item, params);
                if (v != null) {
                    out.put(e.key(), v);
                }
            }
            return new AttributeValue.M(out);
        } else if (expr instanceof Expr.ListExpr list) {
            List<AttributeValue> out = new ArrayList<>();
            for (Expr e : list.elements()) {
                AttributeValue v = evaluate(e, item, params);
                out.add(v == null ? AttributeValue.Null.INSTANCE : v);
            }
            return new AttributeValue.L(out);
        } else if (expr instanceof Expr.SetExpr set) {
            return SetValues.of(set, item, params);
        } else if (expr instanceof Expr.Arithmetic a) {
            return arithmetic(a, item, params);
        } else if (expr instanceof Expr.Negate) {
            // DynamoDB has no unary minus on a path: it reads it as a subtraction missing an operand.
            throw ErrorCode.VALIDATION.error("Incorrect number of operands for operator or function; "
                    + "operator or function: -, number of operands: 1");
        } else if (expr instanceof Expr.Call call && isValueFunction(call.name())) {
            return call(call, item, params);
        }
        return AttributeValue.Bool.of(ConditionEvaluator.test(expr, item, params));
    }

    /** The value at a path of an item, or null (MISSING). */
    public static AttributeValue read(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.root());
        for (Path.Step step : path.steps()) {
            if (current == null) {
                return null;
            }
            if (step instanceof Path.Field f) {
                current = current instanceof AttributeValue.M m ? m.value().get(f.name()) : null;
            } else if (step instanceof Path.Index i) {
                current = current instanceof AttributeValue.L l && i.index() >= 0 && i.index() < l.value().size()
                        ? l.value().get(i.index()) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** True for the functions that compute a value rather than test a condition (size excepted). */
    static boolean isValueFunctionName(String name) {
        return isValueFunction(name) && !name.equals("size");
    }

    private static boolean isValueFunction(String name) {
        return switch (name) {
            case "size", "list_append", "set_add", "set_delete", "if_not_exists" -> true;
            default -> false;
        };
    }

    private static AttributeValue arithmetic(Expr.Arithmetic a, Map<String, AttributeValue> item,
                                             List<AttributeValue> params) {
        if (a.op() == Expr.ArithmeticOp.MULTIPLY || a.op() == Expr.ArithmeticOp.DIVIDE) {
            throw ErrorCode.VALIDATION.error("Unsupported operator in Update Expression. Operator: " + a.op().symbol());
        }
        AttributeValue left = evaluate(a.left(), item, params);
        AttributeValue right = evaluate(a.right(), item, params);
        requireConstantType(a.op().symbol(), a.left(), left, "N");
        requireConstantType(a.op().symbol(), a.right(), right, "N");
        if (!(left instanceof AttributeValue.N l) || !(right instanceof AttributeValue.N r)) {
            throw ErrorCode.VALIDATION.error(OPERAND_TYPE);
        }
        BigDecimal result = switch (a.op()) {
            case ADD -> l.value().add(r.value());
            case SUBTRACT -> l.value().subtract(r.value());
            case MULTIPLY, DIVIDE -> throw ErrorCode.VALIDATION.error(
                    "Unsupported operator in Update Expression. Operator: " + a.op().symbol());
        };
        return new AttributeValue.N(result);
    }

    private static AttributeValue call(Expr.Call call, Map<String, AttributeValue> item, List<AttributeValue> params) {
        List<Expr> args = call.args();
        switch (call.name()) {
            case "size" -> {
                arity(call, 1);
                // size() of MISSING or of a type without a size is MISSING: a comparison with it is false.
                AttributeValue operand = evaluate(args.get(0), item, params);
                requireConstantType("size", args.get(0), operand, "S", "B", "L", "M", "SS", "NS", "BS");
                Long size = size(operand);
                return size == null ? null : AttributeValue.N.of(size);
            }
            case "list_append" -> {
                arity(call, 2);
                AttributeValue a = evaluate(args.get(0), item, params);
                AttributeValue b = evaluate(args.get(1), item, params);
                requireConstantType(call.name(), args.get(0), a, "L");
                requireConstantType(call.name(), args.get(1), b, "L");
                if (!(a instanceof AttributeValue.L x) || !(b instanceof AttributeValue.L y)) {
                    throw ErrorCode.VALIDATION.error(OPERAND_TYPE);
                }
                List<AttributeValue> all = new ArrayList<>(x.value());
                all.addAll(y.value());
                return new AttributeValue.L(all);
            }
            case "set_add", "set_delete" -> {
                arity(call, 2);
                AttributeValue set = evaluate(args.get(0), item, params);
                AttributeValue change = evaluate(args.get(1), item, params);
                return call.name().equals("set_add") ? SetValues.add(set, change) : SetValues.delete(set, change);
            }
            case "if_not_exists" -> {
                arity(call, 2);
                if (!(args.get(0) instanceof Expr.PathRef)) {
                    throw ErrorCode.VALIDATION.error("Operator or function requires a document path; "
                            + "operator or function: if_not_exists");
                }
                // DynamoDB computes both operands (a type error in the fallback fails the update).
                AttributeValue present = evaluate(args.get(0), item, params);
                AttributeValue fallback = evaluate(args.get(1), item, params);
                return present != null ? present : fallback;
            }
            default -> throw new AssertionError(call.name());
        }
    }

    /** True for an operand whose value is known before any item is read: a literal or a parameter. */
    static boolean isConstant(Expr e) {
        return e instanceof Expr.Literal || e instanceof Expr.Parameter || e instanceof Expr.ListExpr
                || e instanceof Expr.MapExpr || e instanceof Expr.SetExpr;
    }

    /** DynamoDB checks the type of a constant operand before it reads the item. */
    public static void requireConstantType(String operator, Expr operand, AttributeValue value, String... types) {
        if (!isConstant(operand) || value == null) {
            return;
        }
        for (String t : types) {
            if (t.equals(value.type())) {
                return;
            }
        }
        throw ErrorCode.VALIDATION.error("Incorrect operand type for operator or function; operator or function: "
                + operator + ", operand type: " + value.type());
    }

    static void arity(Expr.Call call, int n) {
        if (call.args().size() != n) {
            throw ErrorCode.VALIDATION.error("Incorrect number of operands for operator or function; operator or "
                    + "function: " + call.name() + ", number of operands: " + call.args().size());
        }
    }

    /**
     * DynamoDB's size(): string length in UTF-16 code units (DynamoDB Local gives 2 for an emoji,
     * 1 for U+FFFF and for an accented letter), binary length in bytes, element counts; null
     * (MISSING) for N, BOOL and NULL.
     */
    static Long size(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return (long) s.value().length();
        } else if (v instanceof AttributeValue.B b) {
            return (long) b.value().length();
        } else if (v instanceof AttributeValue.M m) {
            return (long) m.value().size();
        } else if (v instanceof AttributeValue.L l) {
            return (long) l.value().size();
        } else if (v instanceof AttributeValue.SS s) {
            return (long) s.value().size();
        } else if (v instanceof AttributeValue.NS s) {
            return (long) s.value().size();
        } else if (v instanceof AttributeValue.BS s) {
            return (long) s.value().size();
        }
        return null;
    }

    /** Set constructors and set arithmetic. */
    static final class SetValues {
        private SetValues() {
        }

        static AttributeValue of(Expr.SetExpr set, Map<String, AttributeValue> item, List<AttributeValue> params) {
            List<AttributeValue> elements = new ArrayList<>();
            for (Expr e : set.elements()) {
                elements.add(evaluate(e, item, params));
            }
            if (elements.isEmpty()) {
                throw ErrorCode.VALIDATION.error("Empty bags are not supported");
            }
            AttributeValue first = elements.get(0);
            if (first instanceof AttributeValue.S) {
                Set<String> out = new LinkedHashSet<>();
                elements.forEach(v -> out.add(((AttributeValue.S) sameType(first, v)).value()));
                noDuplicates(out.size(), elements.size());
                return new AttributeValue.SS(out);
            } else if (first instanceof AttributeValue.N) {
                Set<BigDecimal> out = new LinkedHashSet<>();
                elements.forEach(v -> out.add(((AttributeValue.N) sameType(first, v)).value()));
                noDuplicates(out.size(), elements.size());
                return new AttributeValue.NS(out);
            } else if (first instanceof AttributeValue.B) {
                Set<Bytes> out = new LinkedHashSet<>();
                elements.forEach(v -> out.add(((AttributeValue.B) sameType(first, v)).value()));
                noDuplicates(out.size(), elements.size());
                return new AttributeValue.BS(out);
            }
            throw ErrorCode.VALIDATION.error(BAG_TYPES);
        }

        private static AttributeValue sameType(AttributeValue first, AttributeValue v) {
            if (v == null || !v.type().equals(first.type())) {
                throw ErrorCode.VALIDATION.error(BAG_TYPES);
            }
            return v;
        }

        /** DynamoDB rejects a set constructor that names one element twice (1 and 1.0 included). */
        private static void noDuplicates(int added, int expected) {
            if (added != expected) {
                throw ErrorCode.VALIDATION.error("Input collection contains duplicates");
            }
        }

        static AttributeValue add(AttributeValue set, AttributeValue change) {
            if (set == null) {
                return requireSet(change);
            }
            requireSameSetType(set, change);
            if (set instanceof AttributeValue.SS a) {
                Set<String> out = new LinkedHashSet<>(a.value());
                out.addAll(((AttributeValue.SS) change).value());
                return new AttributeValue.SS(out);
            } else if (set instanceof AttributeValue.NS a) {
                Set<BigDecimal> out = new LinkedHashSet<>(a.value());
                out.addAll(((AttributeValue.NS) change).value());
                return new AttributeValue.NS(out);
            }
            Set<Bytes> out = new LinkedHashSet<>(((AttributeValue.BS) set).value());
            out.addAll(((AttributeValue.BS) change).value());
            return new AttributeValue.BS(out);
        }

        /** The set without the given elements; null (the attribute goes away) when nothing is left. */
        static AttributeValue delete(AttributeValue set, AttributeValue change) {
            if (set == null) {
                requireSet(change);
                return null;
            }
            requireSameSetType(set, change);
            AttributeValue out;
            if (set instanceof AttributeValue.SS a) {
                Set<String> rest = new LinkedHashSet<>(a.value());
                rest.removeAll(((AttributeValue.SS) change).value());
                out = rest.isEmpty() ? null : new AttributeValue.SS(rest);
            } else if (set instanceof AttributeValue.NS a) {
                Set<BigDecimal> rest = new LinkedHashSet<>(a.value());
                rest.removeAll(((AttributeValue.NS) change).value());
                out = rest.isEmpty() ? null : new AttributeValue.NS(rest);
            } else {
                Set<Bytes> rest = new LinkedHashSet<>(((AttributeValue.BS) set).value());
                rest.removeAll(((AttributeValue.BS) change).value());
                out = rest.isEmpty() ? null : new AttributeValue.BS(rest);
            }
            return out;
        }

        private static AttributeValue requireSet(AttributeValue v) {
            if (!(v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS)) {
                throw ErrorCode.VALIDATION.error(OPERAND_TYPE);
            }
            return v;
        }

        private static void requireSameSetType(AttributeValue set, AttributeValue change) {
            requireSet(set);
            requireSet(change);
            if (!set.type().equals(change.type())) {
                throw ErrorCode.VALIDATION.error(OPERAND_TYPE);
            }
        }
    }
}
