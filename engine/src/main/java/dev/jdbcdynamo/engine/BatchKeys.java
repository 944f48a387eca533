package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.StatementKeys;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;

/**
 * The items a batch's statements name: DynamoDB refuses a whole BatchExecuteStatement that names
 * one item twice (recorded from DynamoDB Local), reads and writes alike. Items are told apart as
 * a transaction tells them ({@link StatementKeys#named}).
 */
final class BatchKeys {
    private BatchKeys() {
    }

    /** Whether two of the planned statements (null entries skipped) name the same item. */
    static boolean hasDuplicates(List<Prepared> plans, List<List<AttributeValue>> params) {
        StatementKeys.Distinct seen = new StatementKeys.Distinct();
        for (int i = 0; i < plans.size(); i++) {
            Prepared p = plans.get(i);
            if (p != null && !seen.add(StatementKeys.named(p.plan(), p.withLiterals(params.get(i))))) {
                return true;
            }
        }
        return false;
    }
}
