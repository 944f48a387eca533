package dev.jdbcdynamo.engine.tx;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One write statement of a transaction, checked and resolved to its item when it was added: a
 * put (INSERT, with its new item), an update, a delete or a condition check ({@code EXISTS}).
 */
record TxWrite(Kind kind, TxKey key, Plan plan, List<AttributeValue> params, Map<String, AttributeValue> newItem,
               boolean returnOldOnFailure) {
    enum Kind {
        PUT, UPDATE, DELETE, CHECK
    }

    TxWrite {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        params = List.copyOf(params);
    }
}
