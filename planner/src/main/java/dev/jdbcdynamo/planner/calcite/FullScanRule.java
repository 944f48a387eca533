package dev.jdbcdynamo.planner.calcite;

import dev.jdbcdynamo.planner.path.AccessPath;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/** The fallback: a table scan that no key rule could turn into a keyed read reads every shard. */
final class FullScanRule extends RelRule<RuleConfig> {

    FullScanRule(RuleConfig config) {
        super(config);
    }

    static FullScanRule create() {
        RuleConfig config = RuleConfig.of("FullScanRule",
                b0 -> b0.operand(DynamoTableScan.class).noInputs(), FullScanRule::new);
        return (FullScanRule) config.toRule();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        DynamoTableScan scan = call.rel(0);
        call.transformTo(new DynamoKeyAccess(scan.getCluster(), scan.getTable(), scan.definition(),
                new AccessPath.Scan()));
    }
}
