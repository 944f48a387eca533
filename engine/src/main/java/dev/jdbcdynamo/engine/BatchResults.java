package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.planner.error.DynamoException;
import java.util.List;

/**
 * The outcomes of a batch, one per statement in order, and the error a caller reports for the
 * batch as a whole (the first one met while running it; null when every statement succeeded).
 */
public record BatchResults(List<BatchOutcome> outcomes, DynamoException firstError) {
    public BatchResults {
        outcomes = List.copyOf(outcomes);
    }

    public boolean failed() {
        return outcomes.stream().anyMatch(o -> !o.succeeded());
    }
}
