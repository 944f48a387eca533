package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ConditionChecks;
import dev.jdbcdynamo.planner.eval.ExpressionEvaluator;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's checks of a SELECT's WHERE clause that need its values but no item, run before the
 * read: a read that matches nothing (or reads nothing) must still refuse what DynamoDB refuses.
 *
 * <p>Recorded from DynamoDB Local: a top-level comparison of a key attribute of the read (the
 * table's keys, or the index's) with a value of another type is a ValidationException, worded
 * after the key condition when the comparison became one, after the filter otherwise; inside OR
 * or NOT it is just false, as any comparison of two types. BETWEEN bounds must share a type and be
 * in order wherever the BETWEEN is.
 */
public final class ReadChecks {
    /** DynamoDB's limit on the operands of IN, counting the candidates. */
    public static final int MAX_IN_OPERANDS = 100;
    private static final String FILTER_TYPE =
            "One or more parameter values were invalid: Condition parameter type does not match schema type";

    private ReadChecks() {
    }

    /** The checks of a WHERE clause that need no values: the operand count of every IN. */
    public static void checkStatic(Expr where) {
        walk(where, e -> {
            if (e instanceof Expr.In in && in.candidates().size() > MAX_IN_OPERANDS) {
                throw ErrorCode.VALIDATION.error("The IN operator is provided with too many operands; number of operands: "
                        + in.candidates().size());
            }
        });
    }

    /** Checks a read's WHERE clause with its parameter values; throws DynamoDB's ValidationException. */
    public static void check(Plan.Select plan, List<AttributeValue> params) {
        if (plan.where() == null) {
            return;
        }
        walk(plan.where(), e -> {
            if (e instanceof Expr.Between b && isValue(b.low()) && isValue(b.high())) {
                AttributeValue low = ExpressionEvaluator.evaluate(b.low(), Map.of(), params);
                AttributeValue high = ExpressionEvaluator.evaluate(b.high(), Map.of(), params);
                ConditionChecks.orderable("BETWEEN", b.low(), low);
                ConditionChecks.orderable("BETWEEN", b.high(), high);
                ConditionChecks.bounds(b.low(), low, b.high(), high);
            }
        });
        AccessPath path = plan.path();
        TableDef keys = plan.table();
        if (path instanceof AccessPath.IndexQuery q) {
            keys = IndexReads.keySchema(plan.table(), q.index());
            path = q.path();
        }
        Read read = new Read(keys, path instanceof AccessPath.Query || path instanceof AccessPath.GetItem, params);
        Set<Expr> filter = Collections.newSetFromMap(new IdentityHashMap<>());
        conjuncts(plan.filter(), filter);
        List<Expr> all = new ArrayList<>();
        conjuncts(plan.where(), all);
        for (Expr conjunct : all) {
            keyTypes(conjunct, !filter.contains(conjunct), read);
        }
    }

    /**
     * The key schema a read uses, whether it reads by a partition key equality (a query, where a
     * sort key comparison is part of the key condition), and the parameter values.
     */
    private record Read(TableDef keys, boolean query, List<AttributeValue> params) {
        /**
         * Whether DynamoDB takes a comparison of {@code key} with a constant by {@code op} into the
         * key condition: an equality on the partition key, a comparison other than {@code <>} on
         * the sort key of a query. The planner leaves a comparison with a collection in the filter
         * (it can match no key), DynamoDB words its refusal as a key condition's all the same.
         */
        boolean keyPosition(KeyAttribute key, Expr.CompareOp op) {
            if (key.equals(keys.partitionKey())) {
                return op == Expr.CompareOp.EQ;
            }
            return query && op != Expr.CompareOp.NE;
        }
    }

    /** A top-level conjunct about a key attribute: its constant operands must have the key's type. */
    private static void keyTypes(Expr e, boolean keyCondition, Read read) {
        TableDef keys = read.keys();
        List<AttributeValue> params = read.params();
        if (e instanceof Expr.Compare c) {
            KeyAttribute key = key(c.left(), keys);
            Expr value = c.right();
            if (key == null) {
                key = key(c.right(), keys);
                value = c.left();
            }
            if (key != null && isValue(value)) {
                requireType(key, value, params, keyCondition);
            } else if (key != null && isConstant(value)) {
                requireType(key, value, params, read.keyPosition(key, c.op()));
            }
        } else if (e instanceof Expr.IsCheck is && is.kind() == Expr.IsKind.NULL) {
            // "k IS NULL" is DynamoDB's "k = NULL", "k IS NOT NULL" its "k <> NULL": NULL is never a key's type.
            KeyAttribute key = key(is.value(), keys);
            if (key != null) {
                throw typeError(key, read.keyPosition(key, is.negated() ? Expr.CompareOp.NE : Expr.CompareOp.EQ));
            }
        } else if (e instanceof Expr.Between b) {
            KeyAttribute key = key(b.value(), keys);
            if (key != null && isValue(b.low()) && isValue(b.high())) {
                requireType(key, b.low(), params, keyCondition);
                requireType(key, b.high(), params, keyCondition);
            }
        } else if (e instanceof Expr.In in) {
            KeyAttribute key = key(in.value(), keys);
            for (Expr candidate : in.candidates()) {
                if (key != null && isConstant(candidate)) {
                    // IN is worded after the filter even when it chose the partitions.
                    requireType(key, candidate, params, false);
                }
            }
        } else if (e instanceof Expr.Call call && call.name().equals("attribute_type") && call.args().size() == 2
                && isValue(call.args().get(1))) {
            // DynamoDB compares the type name (a string) with the key as a filter does: refused
            // unless the key is a string, whatever the name says.
            KeyAttribute key = key(call.args().get(0), keys);
            if (key != null) {
                requireType(key, call.args().get(1), params, false);
            }
        } else if (e instanceof Expr.Call call && call.name().equals("begins_with") && call.args().size() == 2
                && keyCondition && isValue(call.args().get(1))) {
            AttributeValue prefix = ExpressionEvaluator.evaluate(call.args().get(1), Map.of(), params);
            ExpressionEvaluator.requireConstantType(call.name(), call.args().get(1), prefix, "S", "B");
            KeyAttribute key = key(call.args().get(0), keys);
            if (key != null) {
                requireType(key, call.args().get(1), params, true);
            }
        }
    }

    private static void requireType(KeyAttribute key, Expr value, List<AttributeValue> params, boolean keyCondition) {
        AttributeValue v = ExpressionEvaluator.evaluate(value, Map.of(), params);
        if (!key.type().name().equals(v.type())) {
            throw typeError(key, keyCondition);
        }
    }

    private static RuntimeException typeError(KeyAttribute key, boolean keyCondition) {
        return ErrorCode.VALIDATION.error(keyCondition
                ? "Key attribute's data type should match its data type in table's schema: Key " + key.name()
                : FILTER_TYPE);
    }

    private static KeyAttribute key(Expr e, TableDef keys) {
        if (!(e instanceof Expr.PathRef ref) || !ref.path().isTopLevel()) {
            return null;
        }
        String name = ref.path().root();
        if (name.equals(keys.partitionKey().name())) {
            return keys.partitionKey();
        }
        return keys.hasSortKey() && name.equals(keys.sortKey().name()) ? keys.sortKey() : null;
    }

    private static boolean isValue(Expr e) {
        return e instanceof Expr.Literal || e instanceof Expr.Parameter;
    }

    /** A value known before any item is read: a literal, a parameter, or a collection built of them. */
    private static boolean isConstant(Expr e) {
        if (e instanceof Expr.ListExpr list) {
            return list.elements().stream().allMatch(ReadChecks::isConstant);
        } else if (e instanceof Expr.SetExpr set) {
            return set.elements().stream().allMatch(ReadChecks::isConstant);
        } else if (e instanceof Expr.MapExpr map) {
            return map.entries().stream().allMatch(entry -> isConstant(entry.value()));
        }
        return isValue(e);
    }

    private static void conjuncts(Expr e, java.util.Collection<Expr> out) {
        if (e instanceof Expr.And and) {
            conjuncts(and.left(), out);
            conjuncts(and.right(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    /** Visits the predicates of a condition, below AND, OR and NOT. */
    private static void walk(Expr e, java.util.function.Consumer<Expr> visit) {
        if (e instanceof Expr.And and) {
            walk(and.left(), visit);
            walk(and.right(), visit);
        } else if (e instanceof Expr.Or or) {
            walk(or.left(), visit);
            walk(or.right(), visit);
        } else if (e instanceof Expr.Not not) {
            walk(not.operand(), visit);
        } else if (e != null) {
            visit.accept(e);
        }
    }
}
