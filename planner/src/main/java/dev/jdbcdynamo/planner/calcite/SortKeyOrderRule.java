package dev.jdbcdynamo.planner.calcite;

import dev.jdbcdynamo.planner.path.AccessPath;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;

/**
 * Removes an ORDER BY on the sort key above a partition read: the read returns sort-key order
 * already, forward or backward, so the order costs nothing.
 */
final class SortKeyOrderRule extends RelRule<RuleConfig> {

    SortKeyOrderRule(RuleConfig config) {
        super(config);
    }

    static SortKeyOrderRule create() {
        RuleConfig config = RuleConfig.of("SortKeyOrderRule",
                b0 -> b0.operand(Sort.class).predicate(s -> s.fetch == null && s.offset == null)
                        .oneInput(b1 -> b1.operand(DynamoKeyAccess.class).noInputs()),
                SortKeyOrderRule::new);
        return (SortKeyOrderRule) config.toRule();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Sort sort = call.rel(0);
        DynamoKeyAccess read = call.rel(1);
        boolean descending = false;
        for (RelFieldCollation c : sort.getCollation().getFieldCollations()) {
            if (c.getFieldIndex() == 1) {
                descending = c.direction.isDescending();
            } else if (c.getFieldIndex() != 0) {
                return;
            }
        }
        AccessPath path = read.path();
        AccessPath ordered;
        if (path instanceof AccessPath.Query q) {
            ordered = new AccessPath.Query(q.partitionValue(), q.range(), descending);
        } else if (path instanceof AccessPath.MultiQuery m) {
            ordered = new AccessPath.MultiQuery(m.partitionValues(), m.range(), descending);
        } else if (path instanceof AccessPath.GetItem) {
            ordered = path;
        } else {
            return;
        }
        call.transformTo(read.withPath(ordered));
    }
}
