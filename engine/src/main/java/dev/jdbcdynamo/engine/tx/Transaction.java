package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.exec.StatementKeys;
import dev.jdbcdynamo.engine.error.CancellationReason;
import dev.jdbcdynamo.engine.error.TransactionCanceled;
import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.eval.Projector;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open JDBC transaction of a connection (autocommit off), with DynamoDB's ExecuteTransaction
 * rules: all writes or all reads, at most 100 statements, an item at most once.
 *
 * <p>Writes (INSERT, UPDATE, DELETE, {@code EXISTS(SELECT ...)}) are checked and buffered, and
 * applied all or nothing at {@link #commit}. Reads (SELECTs naming a full primary key) run at
 * once under shared locks held until commit or rollback, so that the items read stay as read:
 * DynamoDB's TransactGetItems.
 */
public final class Transaction {
    static final int MAX_STATEMENTS = 100;
    private static final String STATEMENT_PREFIX = "Validation failed in TransactStatements[";

    private final TxService service;
    private final boolean returnOldOnFailure;
    private final List<TxWrite> writes = new ArrayList<>();
    /** Per statement in order: DynamoDB's refusal of its item or key, or null when it was taken. */
    private final List<String> rejections = new ArrayList<>();
    private final StatementKeys.Distinct items = new StatementKeys.Distinct();
    private final Map<Integer, Connection> reads = new TreeMap<>();
    private int statements;
    private String token;

    public Transaction(TxService service, boolean returnOldOnFailure) {
        this.service = service;
        this.returnOldOnFailure = returnOldOnFailure;
    }

    /** True for the statements a transaction takes: reads by key and writes. */
    public static boolean takes(Plan plan) {
        return plan instanceof Plan.Select || WriteResolver.isWrite(plan);
    }

    public boolean isEmpty() {
        return statements == 0;
    }

    /**
     * DynamoDB's refusal of the statement about to be added, as it words it: a ValidationException
     * found in the statement itself names its place, {@code Validation failed in TransactStatements[i]: }
     * (recorded from DynamoDB Local); other errors are returned as they are.
     */
    public DynamoException statementError(DynamoException e) {
        if (e.code() != ErrorCode.VALIDATION || e.getMessage().startsWith(STATEMENT_PREFIX)) {
            return e;
        }
        return new DynamoException(e.code(), STATEMENT_PREFIX + statements + "]: " + e.getMessage(), e.line(),
                e.column(), e.oldItem(), e);
    }

    public void setToken(String token) {
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw ErrorCode.VALIDATION.error("ClientRequestToken must be 1 to 36 characters long");
        }
        this.token = token;
    }

    /** Adds a write (answering an update count of 1) or runs a read. */
    public ExecutionResult execute(Plan plan, List<AttributeValue> params) throws SQLException {
        if (statements >= MAX_STATEMENTS) {
            throw ErrorCode.VALIDATION.error("Member must have length less than or equal to " + MAX_STATEMENTS
                    + ": a transaction holds at most " + MAX_STATEMENTS + " statements");
        }
        if (plan instanceof Plan.Select select) {
            return read(select, params);
        }
        if (!reads.isEmpty()) {
            throw mixed();
        }
        TxWrite write;
        try {
            write = WriteResolver.resolve(service, plan, params, returnOldOnFailure);
        } catch (ItemRejected e) {
            // DynamoDB answers a refused item at commit, as this statement's cancellation reason.
            rejections.add(e.getMessage());
            statements++;
            return ExecutionResult.count(1);
        } catch (DynamoException e) {
            throw statementError(e);
        }
        if (!items.add(write.key().named())) {
            throw ErrorCode.VALIDATION.error("Transaction request cannot include multiple operations on one item");
        }
        writes.add(write);
        rejections.add(null);
        statements++;
        return ExecutionResult.count(1);
    }

    private ExecutionResult read(Plan.Select select, List<AttributeValue> params) throws SQLException {
        if (!writes.isEmpty()) {
            throw mixed();
        }
        if (!(select.path() instanceof AccessPath.GetItem get)) {
            throw statementError(ErrorCode.VALIDATION.error(
                    "Select statements within ExecuteTransaction must specify the primary key in the where clause."));
        }
        StatementKeys.Values values = StatementKeys.values(get, params);
        try {
            values.write(select.table());
        } catch (DynamoException e) {
            // A key of the wrong type: DynamoDB cancels the transaction with this read's ValidationError.
            rejections.add(e.getMessage());
            statements++;
            return ExecutionResult.rows(List.of());
        }
        ItemKeys.KeyBytes bytes = values.read(select.table());
        statements++;
        if (bytes == null) {
            return ExecutionResult.rows(List.of());
        }
        TxKey key = service.key(select.table(), bytes);
        if (!items.add(key.named())) {
            statements--;
            throw ErrorCode.VALIDATION.error("Transaction request cannot include multiple operations on one item");
        }
        rejections.add(null);
        Connection c = reads.get(key.shard());
        if (c == null) {
            c = service.pools().pool(service.shards().get(key.shard())).getConnection();
            reads.put(key.shard(), c);
        }
        Map<String, AttributeValue> item = ItemStore.readShared(c, key.table(), key.key(), key.kid());
        if (item == null || (select.filter() != null && !ConditionEvaluator.test(select.filter(), item, params))) {
            return ExecutionResult.rows(List.of());
        }
        return ExecutionResult.rows(List.of(select.isStar() ? item : Projector.project(select.items(), item)));
    }

    private static RuntimeException mixed() {
        return ErrorCode.VALIDATION.error(
                "ExecuteTransaction API does not support both read and write operations in the same request.");
    }

    /** Applies the buffered writes all or nothing (or releases the read locks); the transaction is then empty. */
    public void commit() throws SQLException {
        try {
            if (rejections.stream().anyMatch(java.util.Objects::nonNull)) {
                throw new TransactionCanceled(rejections.stream().map(m -> m == null ? CancellationReason.NONE
                        : new CancellationReason("ValidationError", m, null)).toList());
            }
            if (!writes.isEmpty()) {
                service.commit(writes, token, token == null ? null : requestHash());
            }
            for (Connection c : reads.values()) {
                c.commit();
            }
        } finally {
            clear();
        }
    }

    /** Forgets the buffered writes and releases the read locks. */
    public void rollback() {
        clear();
    }

    private void clear() {
        rejections.clear();
        for (Connection c : reads.values()) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException e) {
                // The pool discards a connection it cannot reset.
            }
        }
        reads.clear();
        writes.clear();
        items.clear();
        statements = 0;
        token = null;
    }

    /** The identity of the request behind a client token: its statements and values. */
    private String requestHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TxWrite w : writes) {
                digest.update(w.plan().toString().getBytes(StandardCharsets.UTF_8));
                for (AttributeValue p : w.params()) {
                    digest.update((byte) 0);
                    digest.update(DynamoJson.canonicalValue(p).getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
