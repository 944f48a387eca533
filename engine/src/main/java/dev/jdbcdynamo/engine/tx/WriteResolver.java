package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ExpressionEvaluator;
import dev.jdbcdynamo.planner.plan.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.ItemSize;
import java.util.List;
import java.util.Map;

/** Turns a write plan with its parameter values into a {@link TxWrite}, with DynamoDB's request checks. */
final class WriteResolver {
    private WriteResolver() {
    }

    static boolean isWrite(Plan plan) {
        return plan instanceof Plan.Insert || plan instanceof Plan.Update || plan instanceof Plan.Delete
                || plan instanceof Plan.ConditionCheck;
    }

    static TxWrite resolve(TxService service, Plan plan, List<AttributeValue> params, boolean returnOld) {
        if (plan instanceof Plan.Insert insert) {
            AttributeValue value = ExpressionEvaluator.evaluate(insert.value(), Map.of(), params);
            if (!(value instanceof AttributeValue.M map)) {
                throw ErrorCode.VALIDATION.error("INSERT needs a map of attributes after VALUE, found "
                        + (value == null ? "MISSING" : value.type()));
            }
            Map<String, AttributeValue> item = map.value();
            TableDef table = insert.table();
            ItemKeys.KeyBytes key = item(() -> {
                ItemKeys.KeyBytes k = ItemKeys.ofItem(table, item);
                ItemKeys.checkIndexKeys(table, item);
                ItemSize.check(item);
                return k;
            });
            return new TxWrite(TxWrite.Kind.PUT, service.key(table, key), plan, params, item, returnOld);
        } else if (plan instanceof Plan.Update update) {
            noReturning(update.returning());
            return new TxWrite(TxWrite.Kind.UPDATE, key(service, update.table(), update.key(), params), plan, params,
                    null, returnOld);
        } else if (plan instanceof Plan.Delete delete) {
            noReturning(delete.returning());
            return new TxWrite(TxWrite.Kind.DELETE, key(service, delete.table(), delete.key(), params), plan, params,
                    null, returnOld);
        } else if (plan instanceof Plan.ConditionCheck check) {
            return new TxWrite(TxWrite.Kind.CHECK, key(service, check.table(), check.key(), params), plan, params,
                    null, returnOld);
        }
        throw new AssertionError("not a write: " + plan);
    }

    private static void noReturning(Statement.Returning returning) {
        if (returning != Statement.Returning.NONE) {
            throw ErrorCode.VALIDATION.error("RETURNING clause is not supported in ExecuteTransaction.");
        }
    }

    private static TxKey key(TxService service, TableDef table, AccessPath.GetItem key, List<AttributeValue> params) {
        AttributeValue pk = resolve(key.partitionValue(), params);
        AttributeValue sk = key.sortValue() == null ? null : resolve(key.sortValue(), params);
        return service.key(table, item(() -> ItemKeys.ofValues(table, pk, sk)));
    }

    /** Runs DynamoDB's checks of an item or key, marking what they refuse as {@link ItemRejected}. */
    private static <T> T item(java.util.function.Supplier<T> checks) {
        try {
            return checks.get();
        } catch (ItemRejected e) {
            throw e;
        } catch (dev.jdbcdynamo.planner.error.DynamoException e) {
            throw new ItemRejected(e);
        }
    }

    static AttributeValue resolve(dev.jdbcdynamo.planner.ast.Expr expr, List<AttributeValue> params) {
        if (expr instanceof dev.jdbcdynamo.planner.ast.Expr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof dev.jdbcdynamo.planner.ast.Expr.Parameter p) {
            if (p.index() >= params.size() || params.get(p.index()) == null) {
                throw ErrorCode.WRONG_PARAMETER_COUNT.error("No value set for parameter " + (p.index() + 1));
            }
            return params.get(p.index());
        }
        throw new AssertionError("key values are literals or parameters, not " + expr);
    }
}
