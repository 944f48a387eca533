package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ExpressionEvaluator;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.ItemSize;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's checks of an item about to be written, the one place for them: what an INSERT's
 * VALUE must be, and the key, index keys and size of an inserted or updated item, whether the
 * write runs alone, in a transaction or in a batch.
 */
public final class WriteChecks {
    private WriteChecks() {
    }

    /** The item an INSERT writes: its VALUE must be a map of attributes. */
    public static Map<String, AttributeValue> insertItem(Plan.Insert insert, List<AttributeValue> params) {
        AttributeValue value = ExpressionEvaluator.evaluate(insert.value(), Map.of(), params);
        if (!(value instanceof AttributeValue.M map)) {
            throw ErrorCode.VALIDATION.error("INSERT needs a map of attributes after VALUE, found "
                    + (value == null ? "MISSING" : value.type()));
        }
        return map.value();
    }

    /** Checks an item's primary key, index keys and size; answers its encoded key. */
    public static ItemKeys.KeyBytes checkItem(TableDef table, Map<String, AttributeValue> item) {
        ItemKeys.KeyBytes key = ItemKeys.ofItem(table, item);
        ItemKeys.checkIndexKeys(table, item);
        ItemSize.check(item);
        return key;
    }
}
