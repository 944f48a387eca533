package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.api.BatchResult;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.engine.BatchOutcome;
import dev.jdbcdynamo.engine.BatchResults;
import dev.jdbcdynamo.engine.Prepared;
import dev.jdbcdynamo.engine.Request;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC batch run by the engine as DynamoDB's BatchExecuteStatement (each statement succeeding
 * or failing on its own; with autocommit off, joining the open transaction): the engine's
 * outcomes as JDBC's update counts, DynamoDB's per-statement results and a BatchUpdateException.
 */
final class BatchRunner {
    /** A statement added to a batch: its text (planned when the batch runs) or its plan and values. */
    record Entry(String sql, Prepared prepared, List<AttributeValue> params) {
        Request request() {
            return prepared != null ? Request.of(prepared, params) : Request.of(sql, params);
        }
    }

    /** The answers of a batch: update counts as JDBC gives them, and DynamoDB's per-statement results. */
    record Outcome(int[] counts, List<BatchResult> results) {
    }

    private BatchRunner() {
    }

    static Outcome run(DynamoConnection connection, List<Entry> entries) throws SQLException {
        BatchResults run;
        try {
            run = connection.session().executeBatch(entries.stream().map(Entry::request).toList());
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
        int[] counts = new int[entries.size()];
        List<BatchResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            BatchOutcome o = run.outcomes().get(i);
            if (o.succeeded()) {
                results.add(new BatchResult(null, null, o.item() == null ? null : DynamoJson.writeItem(o.item())));
                counts[i] = o.count();
            } else {
                results.add(failure(o, DynamoErrors.fromEngine(o.error())));
                counts[i] = Statement.EXECUTE_FAILED;
            }
        }
        if (run.failed()) {
            SQLException firstError = run.firstError() == null ? null : DynamoErrors.fromEngine(run.firstError());
            BatchResult first = results.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
            throw new Failure("One or more statements of the batch failed, the first with " + first.errorCode() + ": "
                    + first.message() + " (each statement's result: DynamoBatch.batchResults())",
                    firstError == null ? "22000" : firstError.getSQLState(), counts, results, firstError);
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

    /** A statement's failure as DynamoDB's batch error code, with the message JDBC reports. */
    private static BatchResult failure(BatchOutcome o, SQLException e) {
        String old = e instanceof DynamoSqlException d ? d.oldItemJson() : null;
        return new BatchResult(o.errorCode(), e.getMessage(), old);
    }
}
