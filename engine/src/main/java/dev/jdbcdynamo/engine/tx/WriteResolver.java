package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.exec.StatementKeys;
import dev.jdbcdynamo.engine.exec.WriteChecks;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
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
            Map<String, AttributeValue> item = WriteChecks.insertItem(insert, params);
            ItemKeys.KeyBytes key = item(() -> WriteChecks.checkItem(insert.table(), item));
            return new TxWrite(TxWrite.Kind.PUT, service.key(insert.table(), key), plan, params, item, returnOld);
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
        // A missing parameter fails the statement at once; only DynamoDB's key checks wait for the commit.
        StatementKeys.Values values = StatementKeys.values(key, params);
        return service.key(table, item(() -> values.write(table)));
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
}
