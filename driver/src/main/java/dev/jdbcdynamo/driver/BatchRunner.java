package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.api.BatchResult;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.exec.ExecutionResult;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.AccessPath;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a JDBC batch as DynamoDB's BatchExecuteStatement: at most 25 statements, all reads (each
 * naming a full primary key) or all writes, each succeeding or failing on its own. With
 * autocommit off, the statements join the open transaction instead.
 */
final class BatchRunner {
    static final int MAX_STATEMENTS = 25;

    /** A statement added to a batch: its text (planned when the batch runs) or its plan and values. */
    record Entry(String sql, StatementPlanner.Prepared prepared, List<AttributeValue> params) {
    }

    /** The answers of a batch: update counts as JDBC gives them, and DynamoDB's per-statement results. */
    record Outcome(int[] counts, List<BatchResult> results) {
    }

    private BatchRunner() {
    }

    static Outcome run(DynamoConnection connection, List<Entry> entries) throws SQLException {
        if (!connection.getAutoCommit()) {
            return inTransaction(connection, entries);
        }
        List<StatementPlanner.Prepared> plans = new ArrayList<>();
        List<BatchResult> results = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (Entry e : entries) {
            StatementPlanner.Prepared p = null;
            try {
                p = e.prepared() != null ? e.prepared() : connection.plan(e.sql());
                reads |= p.plan() instanceof Plan.Select;
                writes |= !(p.plan() instanceof Plan.Select);
            } catch (SQLException ex) {
                results.add(failure(ex));
            }
            plans.add(p);
            if (p != null) {
                results.add(null);
            }
        }
        if (entries.size() > MAX_STATEMENTS) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(reads && !writes
                    ? "BatchGetItem cannot fetch more than 25 items"
                    : "Too many items requested for the BatchWriteItem call: a batch holds at most 25 statements"));
        }
        if (reads && writes) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "Read and write requests together in the same batch is not supported."));
        }
        int[] counts = new int[entries.size()];
        boolean failed = false;
        SQLException firstError = null;
        for (int i = 0; i < entries.size(); i++) {
            StatementPlanner.Prepared p = plans.get(i);
            if (p == null) {
                counts[i] = Statement.EXECUTE_FAILED;
                failed = true;
                continue;
            }
            List<AttributeValue> params = entries.get(i).params() == null ? List.of() : entries.get(i).params();
            try {
                BatchResult r = runOne(connection, p, params);
                results.set(i, r);
                counts[i] = r.itemJson() == null && p.plan() instanceof Plan.Select ? 0 : 1;
            } catch (SQLException ex) {
                results.set(i, failure(ex));
                counts[i] = Statement.EXECUTE_FAILED;
                failed = true;
                firstError = firstError == null ? ex : firstError;
            }
        }
        if (failed) {
            BatchResult first = results.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
            throw new Failure("One or more statements of the batch failed, the first with " + first.errorCode() + ": "
                    + first.message() + " (each statement's result: DynamoBatch.batchResults())",
                    firstError == null ? "22000" : firstError.getSQLState(), counts, results, firstError);
        }
        return new Outcome(counts, results);
    }

    private static BatchResult runOne(DynamoConnection connection, StatementPlanner.Prepared p, List<AttributeValue> params)
            throws SQLException {
        Plan plan = p.plan();
        if (params.size() != p.parameterCount()) {
            throw DynamoErrors.toSql(ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Number of parameters in request and statement don't match."));
        }
        if (plan instanceof Plan.Select select) {
            if (!(select.path() instanceof AccessPath.GetItem)) {
                throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                        "Select statements within BatchExecuteStatement must specify the primary key in the where clause."));
            }
            ExecutionResult result = connection.execute(p, params);
            return new BatchResult(null, null,
                    result.items().isEmpty() ? null : DynamoJson.writeItem(result.items().get(0)));
        }
        if (!(plan instanceof Plan.Insert || plan instanceof Plan.Update || plan instanceof Plan.Delete)) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "Only SELECT, INSERT, UPDATE and DELETE statements can be batched"));
        }
        try {
            connection.database().transactions().applyOne(plan, params, connection.returnOldOnFailure());
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        } catch (SQLException e) {
            throw DynamoErrors.fromStorage(e);
        }
        return new BatchResult(null, null, null);
    }

    /** With autocommit off, a batch's statements join the transaction (committed with it). */
    private static Outcome inTransaction(DynamoConnection connection, List<Entry> entries) throws SQLException {
        int[] counts = new int[entries.size()];
        List<BatchResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            StatementPlanner.Prepared p = e.prepared() != null ? e.prepared() : connection.plan(e.sql());
            ExecutionResult r = connection.execute(p, e.params() == null ? List.of() : e.params());
            counts[i] = r.query() ? r.items().size() : r.updateCount();
            results.add(new BatchResult(null, null,
                    r.query() && !r.items().isEmpty() ? DynamoJson.writeItem(r.items().get(0)) : null));
        }
        return new Outcome(counts, results);
    }

    /** The per-statement results a failed batch carries. */
    static List<BatchResult> lastResults(BatchUpdateException e) {
        return e instanceof Failure f ? f.results : List.of();
    }

    /** JDBC's BatchUpdateException for a batch in which some statements failed; all were run. */
    static final class Failure extends BatchUpdateException {
        private static final long serialVersionUID = 1L;
        private final transient List<BatchResult> results;

        Failure(String message, String state, int[] counts, List<BatchResult> results, SQLException first) {
            super(message, state, 0, counts, first);
            this.results = List.copyOf(results);
        }
    }

    /** A statement's failure as DynamoDB's batch error code. */
    private static BatchResult failure(SQLException e) {
        String name = e instanceof DynamoSqlException d ? d.errorName() : "InternalServerError";
        String old = e instanceof DynamoSqlException d ? d.oldItemJson() : null;
        String code = switch (name) {
            case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
            case "DuplicateItemException" -> "DuplicateItem";
            case "TransactionConflictException" -> "TransactionConflict";
            case "ResourceNotFoundException" -> "ResourceNotFound";
            case "ValidationException" -> "ValidationError";
            case "AccessDeniedException" -> "AccessDenied";
            default -> "InternalServerError";
        };
        return new BatchResult(code, e.getMessage(), old);
    }
}
