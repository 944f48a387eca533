package dev.jdbcdynamo.planner.calcite;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.path.SortRange;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns {@code Filter(DynamoTableScan)} into a keyed read when the filter pins the partition
 * key: equality gives a Query (or a GetItem with a sort-key equality), an IN/OR of equalities a
 * MultiGet; sort-key comparisons, BETWEEN and begins_with narrow the range. Conjuncts that the
 * range cannot absorb stay in a Filter above the read, so the split is exact.
 */
final class KeyConditionRule extends RelRule<RuleConfig> {
    private final List<Expr> values;

    KeyConditionRule(RuleConfig config, List<Expr> values) {
        super(config);
        this.values = values;
    }

    static KeyConditionRule create(List<Expr> values) {
        RuleConfig config = RuleConfig.of("KeyConditionRule",
                b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(DynamoTableScan.class).noInputs()),
                c -> new KeyConditionRule(c, values));
        return (KeyConditionRule) config.toRule();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        DynamoTableScan scan = call.rel(1);
        TableDef table = scan.definition();
        boolean hasSort = table.hasSortKey();
        List<Expr> partitions = null;
        SortRange range = SortRange.ALL;
        List<RexNode> rest = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            List<Expr> p = partitions == null ? partitionValues(conjunct) : null;
            if (p != null) {
                partitions = p;
                continue;
            }
            SortRange narrowed = hasSort ? narrow(range, conjunct) : null;
            if (narrowed != null) {
                range = narrowed;
            } else {
                rest.add(conjunct);
            }
        }
        if (partitions == null) {
            return;
        }
        AccessPath path;
        if (partitions.size() > 1) {
            path = new AccessPath.MultiQuery(partitions, range, false);
        } else if (hasSort ? range.isEquality() : range.isAll()) {
            path = new AccessPath.GetItem(partitions.get(0), hasSort ? range.lower() : null);
        } else {
            path = new AccessPath.Query(partitions.get(0), range, false);
        }
        RelNode read = new DynamoKeyAccess(scan.getCluster(), scan.getTable(), table, path);
        RelNode result = rest.isEmpty() ? read
                : filter.copy(filter.getTraitSet(), read, RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), rest));
        call.transformTo(result);
    }

    /** Column 0 is the partition key. */
    private List<Expr> partitionValues(RexNode conjunct) {
        if (conjunct.getKind() == SqlKind.EQUALS) {
            Expr v = valueOf((RexCall) conjunct, 0);
            return v == null ? null : List.of(v);
        }
        if (conjunct.getKind() == SqlKind.OR) {
            List<Expr> all = new ArrayList<>();
            for (RexNode operand : ((RexCall) conjunct).getOperands()) {
                List<Expr> one = partitionValues(operand);
                if (one == null) {
                    return null;
                }
                all.addAll(one);
            }
            return all;
        }
        return null;
    }

    /** Column 1 is the sort key. */
    private SortRange narrow(SortRange range, RexNode conjunct) {
        if (conjunct instanceof RexCall call && call.getOperator() == KeyFunctions.BEGINS_WITH) {
            Expr v = valueOf(call, 1);
            return v != null && range.prefix() == null && !range.isEquality() ? withPrefix(range, v) : null;
        }
        if (!(conjunct instanceof RexCall call)) {
            return null;
        }
        Expr v = valueOf(call, 1);
        if (v == null) {
            return null;
        }
        boolean free = range.lower() == null && range.upper() == null && range.prefix() == null;
        return switch (conjunct.getKind()) {
            case EQUALS -> free ? new SortRange(v, true, v, true, null) : null;
            case LESS_THAN, LESS_THAN_OR_EQUAL -> range.upper() == null && !range.isEquality()
                    ? new SortRange(range.lower(), range.lowerInclusive(), v,
                    conjunct.getKind() == SqlKind.LESS_THAN_OR_EQUAL, range.prefix()) : null;
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> range.lower() == null
                    ? new SortRange(v, conjunct.getKind() == SqlKind.GREATER_THAN_OR_EQUAL, range.upper(),
                    range.upperInclusive(), range.prefix()) : null;
            default -> null;
        };
    }

    private static SortRange withPrefix(SortRange r, Expr prefix) {
        return new SortRange(r.lower(), r.lowerInclusive(), r.upper(), r.upperInclusive(), prefix);
    }

    /** For {@code op($column, ?n)}: the expression behind parameter n, else null. */
    private Expr valueOf(RexCall call, int column) {
        if (call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (left instanceof RexInputRef ref && ref.getIndex() == column && right instanceof RexDynamicParam p) {
            return values.get(p.getIndex());
        }
        return null;
    }
}
