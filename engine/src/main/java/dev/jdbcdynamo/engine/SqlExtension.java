package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Statements beyond PartiQL that a front end plans and runs itself (the JDBC driver's Calcite SQL
 * extensions for BI tools): a session asks it for statements its own grammar does not take, and
 * hands it their plans. Failures are DynamoExceptions (a storage failure a StorageFailure).
 */
public interface SqlExtension extends AutoCloseable {
    /** Prepares a statement; null when it is not one of the extensions (and {@code mustParse} is false). */
    Prepared prepare(String text, boolean mustParse);

    /** Prepares {@code EXPLAIN <extension>}; null when the text is not one. */
    Prepared prepareExplain(String text, boolean mustParse);

    /** Runs a prepared extension: its rows as items. */
    ExecutionResult run(Plan.SqlQuery query, List<AttributeValue> params);

    /** The EXPLAIN rows of a prepared extension. */
    List<Map<String, AttributeValue>> explain(Plan.SqlQuery query);

    @Override
    void close();
}
