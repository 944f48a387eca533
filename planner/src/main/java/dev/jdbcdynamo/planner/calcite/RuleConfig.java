package dev.jdbcdynamo.planner.calcite;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * A hand-written {@link RelRule.Config} (Calcite generates these with Immutables; we need
 * only the operand tree, a description and the rule's constructor).
 */
record RuleConfig(RelRule.OperandTransform operandSupplier, String description, RelBuilderFactory relBuilderFactory,
                  Function<RuleConfig, RelOptRule> factory) implements RelRule.Config {

    static RuleConfig of(String description, RelRule.OperandTransform operands,
                         Function<RuleConfig, RelOptRule> factory) {
        return new RuleConfig(operands, description, RelFactories.LOGICAL_BUILDER, factory);
    }

    @Override
    public RelOptRule toRule() {
        return factory.apply(this);
    }

    @Override
    public RelRule.Config withRelBuilderFactory(RelBuilderFactory relBuilderFactory) {
        return new RuleConfig(operandSupplier, description, relBuilderFactory, factory);
    }

    @Override
    public RelRule.Config withDescription(String description) {
        return new RuleConfig(operandSupplier, description, relBuilderFactory, factory);
    }

    @Override
    public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
        return new RuleConfig(transform, description, relBuilderFactory, factory);
    }
}
