package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.engine.tx.TxService;
import dev.jdbcdynamo.planner.ast.Statement.Returning;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.ReadChecks;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a batch as DynamoDB's BatchExecuteStatement: at most 25 statements, all reads (each
 * naming a full primary key) or all writes, each succeeding or failing on its own. With
 * autocommit off, the statements join the open transaction instead.
 */
final class Batches {
    static final int MAX_STATEMENTS = 25;

    private Batches() {
    }

    static BatchResults run(Session session, List<Request> entries) {
        if (!session.autoCommit()) {
            return inTransaction(session, entries);
        }
        List<Prepared> plans = new ArrayList<>();
        List<BatchOutcome> results = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (Request e : entries) {
            Prepared p = null;
            try {
                p = e.prepared(session);
                reads |= p.plan() instanceof Plan.Select;
                writes |= !(p.plan() instanceof Plan.Select);
            } catch (DynamoException ex) {
                results.add(failure(ex));
            }
            plans.add(p);
            if (p != null) {
                results.add(null);
            }
        }
        if (entries.size() > MAX_STATEMENTS) {
            throw ErrorCode.VALIDATION.error(reads && !writes
                    ? "BatchGetItem cannot fetch more than 25 items"
                    : "Too many items requested for the BatchWriteItem call: a batch holds at most 25 statements");
        }
        if (reads && writes) {
            throw ErrorCode.VALIDATION.error(
                    "Read and write requests together in the same batch is not supported.");
        }
        if (BatchKeys.hasDuplicates(plans, entries.stream().map(Request::params).toList())) {
            throw ErrorCode.VALIDATION.error("Provided list of item keys contains duplicates");
        }
        DynamoException firstError = null;
        if (writes) {
            firstError = runWrites(session, entries, plans, results);
        } else if (!session.readsReplicas()) {
            firstError = runReads(session, entries, plans, results);
        }
        for (int i = 0; i < entries.size(); i++) {
            Prepared p = plans.get(i);
            if (p == null || results.get(i) != null) {
                continue;
            }
            List<AttributeValue> params = entries.get(i).params();
            try {
                checkParameterCount(p, params);
                results.set(i, read(session, p, params));
            } catch (DynamoException ex) {
                results.set(i, failure(ex));
                firstError = firstError == null ? ex : firstError;
            }
        }
        return new BatchResults(results, firstError);
    }

    private static void checkParameterCount(Prepared p, List<AttributeValue> params) {
        if (params.size() != p.parameterCount()) {
            throw ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Number of parameters in request and statement don't match.");
        }
    }

    /**
     * Applies the batch's writes together (per shard one local transaction, each statement
     * succeeding or failing on its own) and sets their results; answers the first error.
     */
    private static DynamoException runWrites(Session session, List<Request> entries, List<Prepared> plans,
                                             List<BatchOutcome> results) {
        DynamoException firstError = null;
        List<Integer> positions = new ArrayList<>();
        List<Integer> returning = new ArrayList<>();
        List<Plan> writePlans = new ArrayList<>();
        List<List<AttributeValue>> writeParams = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Prepared p = plans.get(i);
            if (p == null) {
                continue;
            }
            List<AttributeValue> params = entries.get(i).params();
            try {
                checkParameterCount(p, params);
                Plan plan = p.plan();
                if (!(plan instanceof Plan.Insert || plan instanceof Plan.Update || plan instanceof Plan.Delete)) {
                    throw ErrorCode.VALIDATION.error("Only SELECT, INSERT, UPDATE and DELETE statements can be batched");
                }
                if (returns(plan)) {
                    returning.add(i);
                    continue;
                }
                positions.add(i);
                writePlans.add(plan);
                writeParams.add(p.withLiterals(params));
            } catch (DynamoException ex) {
                results.set(i, failure(ex));
                firstError = firstError == null ? ex : firstError;
            }
        }
        List<Exception> errors = session.database().transactions()
                .applyEach(writePlans, writeParams, session.returnOldOnFailure());
        for (int k = 0; k < positions.size(); k++) {
            Exception e = errors.get(k);
            if (e == null) {
                results.set(positions.get(k), new BatchOutcome(1, null, null));
                continue;
            }
            DynamoException error = e instanceof DynamoException d ? d : Session.storageError((SQLException) e);
            results.set(positions.get(k), failure(error));
            firstError = firstError == null ? error : firstError;
        }
        // DynamoDB runs a batch's UPDATE or DELETE with RETURNING and answers its item; each runs on
        // its own (a batch is not atomic, and no two statements of it name the same item).
        for (int i : returning) {
            try {
                ExecutionResult r = session.run(plans.get(i), entries.get(i).params(), null, null);
                // RETURNING MODIFIED of an update that changed no attribute returns no item, as DynamoDB does.
                Map<String, AttributeValue> item = r.items().isEmpty() || r.items().get(0).isEmpty()
                        ? null : r.items().get(0);
                results.set(i, new BatchOutcome(1, item, null));
            } catch (DynamoException ex) {
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
    private static DynamoException runReads(Session session, List<Request> entries, List<Prepared> plans,
                                            List<BatchOutcome> results) {
        DynamoException firstError = null;
        List<Integer> positions = new ArrayList<>();
        List<Plan.Select> selects = new ArrayList<>();
        List<List<AttributeValue>> selectParams = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Prepared p = plans.get(i);
            List<AttributeValue> params = entries.get(i).params();
            if (p != null && p.plan() instanceof Plan.Select select && select.path() instanceof AccessPath.GetItem
                    && params.size() == p.parameterCount()) {
                try {
                    ReadChecks.check(select, p.withLiterals(params));
                } catch (DynamoException e) {
                    results.set(i, failure(e));
                    firstError = firstError == null ? e : firstError;
                    continue;
                }
                positions.add(i);
                selects.add(select);
                selectParams.add(p.withLiterals(params));
            }
        }
        List<TxService.ReadOutcome> outcomes = session.database().transactions().readEach(selects, selectParams);
        for (int k = 0; k < positions.size(); k++) {
            TxService.ReadOutcome o = outcomes.get(k);
            if (o.error() == null) {
                results.set(positions.get(k), found(o.item()));
                continue;
            }
            DynamoException error = o.error() instanceof DynamoException d ? d
                    : Session.storageError((SQLException) o.error());
            results.set(positions.get(k), failure(error));
            firstError = firstError == null ? error : firstError;
        }
        return firstError;
    }

    /** A batch's SELECT: a GetItem (the full primary key), run through the session. */
    private static BatchOutcome read(Session session, Prepared p, List<AttributeValue> params) {
        if (!(p.plan() instanceof Plan.Select select) || !(select.path() instanceof AccessPath.GetItem)) {
            throw ErrorCode.VALIDATION.error(
                    "Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
        }
        ExecutionResult result = session.run(p, params, null, null);
        return found(result.items().isEmpty() ? null : result.items().get(0));
    }

    private static BatchOutcome found(Map<String, AttributeValue> item) {
        return new BatchOutcome(item == null ? 0 : 1, item, null);
    }

    /** With autocommit off, a batch's statements join the transaction (committed with it). */
    private static BatchResults inTransaction(Session session, List<Request> entries) {
        List<BatchOutcome> results = new ArrayList<>();
        for (Request e : entries) {
            ExecutionResult r = session.run(e.prepared(session), e.params(), null, null);
            results.add(new BatchOutcome(r.query() ? r.items().size() : r.updateCount(),
                    r.query() && !r.items().isEmpty() ? r.items().get(0) : null, null));
        }
        return new BatchResults(results, null);
    }

    private static BatchOutcome failure(DynamoException e) {
        return new BatchOutcome(0, null, e);
    }
}
