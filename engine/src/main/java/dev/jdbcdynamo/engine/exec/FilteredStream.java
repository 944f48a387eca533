package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.eval.Projector;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A SELECT's residual filter and projection applied item by item to a stream of items. */
final class FilteredStream implements ItemStream {
    private final ItemStream source;
    private final Plan.Select plan;
    private final List<AttributeValue> params;

    FilteredStream(ItemStream source, Plan.Select plan, List<AttributeValue> params) {
        this.source = source;
        this.plan = plan;
        this.params = params;
    }

    @Override
    public Map<String, AttributeValue> next() throws SQLException {
        for (Map<String, AttributeValue> item = source.next(); item != null; item = source.next()) {
            if (plan.filter() == null || ConditionEvaluator.test(plan.filter(), item, params)) {
                return plan.isStar() ? item : Projector.project(plan.items(), item);
            }
        }
        return null;
    }

    @Override
    public void close() throws SQLException {
        source.close();
    }
}
