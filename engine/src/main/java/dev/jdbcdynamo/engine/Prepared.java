package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned statement, the number of {@code ?} it takes, the catalog generation it was planned
 * for, and the values of the literals lifted out of its text (parameters numbered after its own).
 */
public record Prepared(Plan plan, int parameterCount, long generation, List<AttributeValue> literals) {
    public Prepared {
        literals = List.copyOf(literals);
    }

    public Prepared(Plan plan, int parameterCount, long generation) {
        this(plan, parameterCount, generation, List.of());
    }

    /** The parameter values a run needs: the caller's, then the lifted literals. */
    public List<AttributeValue> withLiterals(List<AttributeValue> params) {
        if (literals.isEmpty()) {
            return params;
        }
        List<AttributeValue> all = new ArrayList<>(params);
        all.addAll(literals);
        return all;
    }
}
