package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.eval.ExpressionEvaluator;
import dev.jdbcdynamo.planner.plan.AccessPath;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items a batch's statements name: DynamoDB refuses a whole BatchExecuteStatement that names
 * one item twice (recorded from DynamoDB Local), reads and writes alike.
 */
final class BatchKeys {
    private BatchKeys() {
    }

    /** Whether two of the planned statements (null entries skipped) name the same item. */
    static boolean hasDuplicates(List<Prepared> plans, List<List<AttributeValue>> params) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            Prepared p = plans.get(i);
            String key = p == null ? null : key(p.plan(), p.withLiterals(params.get(i)));
            if (key != null && !seen.add(key)) {
                return true;
            }
        }
        return false;
    }

    /** The item a statement names, as text; null when it names none or its values are wrong (it fails alone). */
    private static String key(Plan plan, List<AttributeValue> params) {
        try {
            if (plan instanceof Plan.Insert insert) {
                AttributeValue value = ExpressionEvaluator.evaluate(insert.value(), Map.of(), params);
                if (!(value instanceof AttributeValue.M map)) {
                    return null;
                }
                TableDef table = insert.table();
                AttributeValue sk = table.hasSortKey() ? map.value().get(table.sortKey().name()) : null;
                return text(table, map.value().get(table.partitionKey().name()), sk);
            }
            AccessPath.GetItem get = null;
            TableDef table = null;
            if (plan instanceof Plan.Update update) {
                get = update.key();
                table = update.table();
            } else if (plan instanceof Plan.Delete delete) {
                get = delete.key();
                table = delete.table();
            } else if (plan instanceof Plan.Select select && select.path() instanceof AccessPath.GetItem g) {
                get = g;
                table = select.table();
            }
            if (get == null) {
                return null;
            }
            return text(table, value(get.partitionValue(), params),
                    get.sortValue() == null ? null : value(get.sortValue(), params));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static AttributeValue value(Expr e, List<AttributeValue> params) {
        return ExpressionEvaluator.evaluate(e, Map.of(), params);
    }

    private static String text(TableDef table, AttributeValue pk, AttributeValue sk) {
        if (pk == null) {
            return null;
        }
        return table.name() + '\u0000' + DynamoJson.canonicalValue(pk) + '\u0000'
                + (sk == null ? "" : DynamoJson.canonicalValue(sk));
    }
}
