package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.api.BatchResult;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.exec.ExecutionResult;
import dev.jdbcdynamo.driver.tx.TxService;
import dev.jdbcdynamo.planner.ast.Statement.Returning;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ReadChecks;
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
        if (BatchKeys.hasDuplicates(plans, entries.stream().map(BatchRunner::params).toList())) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Provided list of item keys contains duplicates"));
        }
        int[] counts = new int[entries.size()];
        SQLException firstError = null;
        if (writes) {
            firstError = runWrites(connection, entries, plans, results);
        } else if (!connection.readsReplicas()) {
            firstError = runReads(connection, entries, plans, results);
        }
        for (int i = 0; i < entries.size(); i++) {
            StatementPlanner.Prepared p = plans.get(i);
            if (p == null || results.get(i) != null) {
                continue;
            }
            List<AttributeValue> params = params(entries.get(i));
            try {
                checkParameterCount(p, params);
                results.set(i, read(connection, p, params));
            } catch (SQLException ex) {
                results.set(i, failure(ex));
                firstError = firstError == null ? ex : firstError;
            }
        }
        boolean failed = false;
        for (int i = 0; i < entries.size(); i++) {
            BatchResult r = results.get(i);
            failed |= !r.succeeded();
            counts[i] = !r.succeeded() ? Statement.EXECUTE_FAILED
                    : r.itemJson() == null && plans.get(i).plan() instanceof Plan.Select ? 0 : 1;
        }
        if (failed) {
            BatchResult first = results.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
            throw new Failure("One or more statements of the batch failed, the first with " + first.errorCode() + ": "
                    + first.message() + " (each statement's result: DynamoBatch.batchResults())",
                    firstError == null ? "22000" : firstError.getSQLState(), counts, results, firstError);
        }
        return new Outcome(counts, results);
    }

    private static List<AttributeValue> params(Entry e) {
        return e.params() == null ? List.of() : e.params();
    }

    private static void checkParameterCount(StatementPlanner.Prepared p, List<AttributeValue> params) throws SQLException {
        if (params.size() != p.parameterCount()) {
            throw DynamoErrors.toSql(ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Number of parameters in request and statement don't match."));
        }
    }

    /**
     * Applies the batch's writes together (per shard one local transaction, each statement
     * succeeding or failing on its own) and sets their results; answers the first error.
     */
    private static SQLException runWrites(DynamoConnection connection, List<Entry> entries,
                                          List<StatementPlanner.Prepared> plans, List<BatchResult> results) {
        SQLException firstError = null;
        List<Integer> positions = new ArrayList<>();
        List<Integer> returning = new ArrayList<>();
        List<Plan> writePlans = new ArrayList<>();
        List<List<AttributeValue>> writeParams = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StatementPlanner.Prepared p = plans.get(i);
            if (p == null) {
                continue;
            }
            List<AttributeValue> params = params(entries.get(i));
            try {
                checkParameterCount(p, params);
                Plan plan = p.plan();
                if (!(plan instanceof Plan.Insert || plan instanceof Plan.Update || plan instanceof Plan.Delete)) {
                    throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                            "Only SELECT, INSERT, UPDATE and DELETE statements can be batched"));
                }
                if (returns(plan)) {
                    returning.add(i);
                    continue;
                }
                positions.add(i);
                writePlans.add(plan);
                writeParams.add(p.withLiterals(params));
            } catch (SQLException ex) {
                results.set(i, failure(ex));
                firstError = firstError == null ? ex : firstError;
            }
        }
        List<Exception> errors = connection.database().transactions()
                .applyEach(writePlans, writeParams, connection.returnOldOnFailure());
        for (int k = 0; k < positions.size(); k++) {
            Exception e = errors.get(k);
            if (e == null) {
                results.set(positions.get(k), new BatchResult(null, null, null));
                continue;
            }
            SQLException sql = e instanceof DynamoException d ? DynamoErrors.toSql(d)
                    : DynamoErrors.fromStorage((SQLException) e);
            results.set(positions.get(k), failure(sql));
            firstError = firstError == null ? sql : firstError;
        }
        // DynamoDB runs a batch's UPDATE or DELETE with RETURNING and answers its item; each runs on
        // its own (a batch is not atomic, and no two statements of it name the same item).
        for (int i : returning) {
            try {
                ExecutionResult r = connection.execute(plans.get(i), params(entries.get(i)));
                // RETURNING MODIFIED of an update that changed no attribute returns no item, as DynamoDB does.
                results.set(i, new BatchResult(null, null, r.items().isEmpty() || r.items().get(0).isEmpty() ? null
                        : DynamoJson.writeItem(r.items().get(0))));
            } catch (SQLException ex) {
                results.set(i, failure(ex));
                firstError = firstError == null ? ex : firstError;
            }
        }
        return firstError;
    }

    private static boolean returns(Plan plan) {
        return plan instanceof Plan.Update u && u.returning() != Returning.NONE
                || plan instanceof Plan.Delete d && d.returning() != Returning.NONE;
    }

    /**
     * Reads the batch's GetItems from the primaries together (one statement per shard and table,
     * the shards side by side) and sets their results; answers the first error. A statement
     * that is not a GetItem keeps its result unset and fails on its own in {@link #read}.
     */
    private static SQLException runReads(DynamoConnection connection, List<Entry> entries,
                                         List<StatementPlanner.Prepared> plans, List<BatchResult> results) {
        SQLException firstError = null;
        List<Integer> positions = new ArrayList<>();
        List<Plan.Select> selects = new ArrayList<>();
        List<List<AttributeValue>> selectParams = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StatementPlanner.Prepared p = plans.get(i);
            List<AttributeValue> params = params(entries.get(i));
            if (p != null && p.plan() instanceof Plan.Select select && select.path() instanceof AccessPath.GetItem
                    && params.size() == p.parameterCount()) {
                try {
                    ReadChecks.check(select, p.withLiterals(params));
                } catch (DynamoException e) {
                    SQLException sql = DynamoErrors.toSql(e);
                    results.set(i, failure(sql));
                    firstError = firstError == null ? sql : firstError;
                    continue;
                }
                positions.add(i);
                selects.add(select);
                selectParams.add(p.withLiterals(params));
            }
        }
        List<TxService.ReadOutcome> outcomes = connection.database().transactions().readEach(selects, selectParams);
        for (int k = 0; k < positions.size(); k++) {
            TxService.ReadOutcome o = outcomes.get(k);
            if (o.error() == null) {
                results.set(positions.get(k), new BatchResult(null, null,
                        o.item() == null ? null : DynamoJson.writeItem(o.item())));
                continue;
            }
            SQLException sql = o.error() instanceof DynamoException d ? DynamoErrors.toSql(d)
                    : DynamoErrors.fromStorage((SQLException) o.error());
            results.set(positions.get(k), failure(sql));
            firstError = firstError == null ? sql : firstError;
        }
        return firstError;
    }

    /** A batch's SELECT: a GetItem (the full primary key), run through the connection. */
    private static BatchResult read(DynamoConnection connection, StatementPlanner.Prepared p, List<AttributeValue> params)
            throws SQLException {
        if (!(p.plan() instanceof Plan.Select select) || !(select.path() instanceof AccessPath.GetItem)) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "Select statements within BatchExecuteStatement must specify the primary key in the where clause."));
        }
        ExecutionResult result = connection.execute(p, params);
        return new BatchResult(null, null, result.items().isEmpty() ? null : DynamoJson.writeItem(result.items().get(0)));
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
