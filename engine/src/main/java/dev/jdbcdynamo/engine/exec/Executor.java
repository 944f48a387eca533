package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.plan.ReadChecks;
import dev.jdbcdynamo.planner.eval.Projector;
import dev.jdbcdynamo.planner.eval.UpdateApplier;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs plans on a routed (ShardingSphere) connection: resolves key values, encodes keys,
 * binds {@code kid} so that a keyed statement reaches one shard, and applies DynamoDB's
 * semantics (filters, conditions, updates) to the items read.
 */
public final class Executor {
    private final ItemReader reader = new ItemReader();
    private final IndexReader indexReader = new IndexReader();
    private final GlobalIndexes globalIndexes;
    private final IndexReadOptions indexOptions;

    public Executor() {
        this(GlobalIndexes.NONE, IndexReadOptions.DEFAULT);
    }

    public Executor(GlobalIndexes globalIndexes, IndexReadOptions indexOptions) {
        this.globalIndexes = globalIndexes;
        this.indexOptions = indexOptions;
    }

    public ExecutionResult select(RoutedSession c, Plan.Select plan, List<AttributeValue> params) throws SQLException {
        ReadChecks.check(plan, params);
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        TableDef table = plan.table();
        AccessPath.IndexQuery indexQuery = plan.path() instanceof AccessPath.IndexQuery q ? q : null;
        List<Map<String, AttributeValue>> read;
        if (indexQuery != null) {
            if (indexQuery.index().global()) {
                if (indexOptions.readYourWrites()) {
                    globalIndexes.catchUp();
                }
            }
            read = indexReader.read(c, table, indexQuery, params);
        } else {
            read = reader.read(c, table, plan.path(), params);
        }
        for (Map<String, AttributeValue> item : read) {
            if (plan.filter() == null || ConditionEvaluator.test(plan.filter(), item, params)) {
                if (!plan.isStar()) {
                    out.add(Projector.project(plan.items(), item));
                } else {
                    out.add(indexQuery == null ? item : IndexReader.project(table, indexQuery.index(), item));
                }
            }
        }
        return ExecutionResult.rows(out);
    }

    /** Wakes the GSI applier after a write to a table that has global indexes. */
    private void written(TableDef table) {
        if (!table.globalIndexes().isEmpty()) {
            globalIndexes.written();
        }
    }

    /**
     * A SELECT that scans: every shard is asked once, directly on its pool, and rows are streamed
     * with the residual filter and projection applied per item. Outside a transaction only: a
     * transaction's reads must see its own writes, so there the scan goes through the session.
     * {@code signal} (may be null) lets {@code Statement.cancel()} stop the stream while it is read.
     */
    public ExecutionResult streamScan(List<javax.sql.DataSource> shards, Plan.Select plan, List<AttributeValue> params,
                                      CancelSignal signal) {
        ReadChecks.check(plan, params);
        return ExecutionResult.streamed(new FilteredStream(new ShardScan(shards, PhysicalSql.scan(plan.table()), signal),
                plan, params));
    }

    public ExecutionResult insert(RoutedSession c, Plan.Insert plan, List<AttributeValue> params) throws SQLException {
        Map<String, AttributeValue> item = WriteChecks.insertItem(plan, params);
        TableDef table = plan.table();
        ItemKeys.KeyBytes key = WriteChecks.checkItem(table, item);
        ItemWriter.insert(c, table, key, item);
        written(table);
        return ExecutionResult.count(1);
    }

    public ExecutionResult update(RoutedSession c, Plan.Update plan, List<AttributeValue> params,
                                  boolean returnOldOnFailure) throws SQLException {
        TableDef table = plan.table();
        ItemKeys.KeyBytes key = StatementKeys.writeKey(table, plan.key(), params);
        if (c.connection().getAutoCommit()) {
            // Optimistic first: read, compute, then write only if the item is still the one read
            // (a compare-and-set on its stored text). Two round trips instead of a transaction.
            for (int attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
                StoredItem stored = readItem(c, table, key, PhysicalSql.getItem(table));
                Update change = prepareUpdate(table, plan, params, stored, returnOldOnFailure);
                if (ItemWriter.replace(c, table, key, change.item(), stored.json())) {
                    written(table);
                    return change.result();
                }
            }
        }
        // Under contention (or inside a transaction): a locking read, then the write.
        return inLocalTransaction(c, () -> {
            StoredItem stored = readItem(c, table, key, PhysicalSql.getItemForUpdate(table));
            Update change = prepareUpdate(table, plan, params, stored, returnOldOnFailure);
            ItemWriter.replace(c, table, key, change.item(), null);
            written(table);
            return change.result();
        });
    }

    /** Attempts of the optimistic path before a locking read takes over. */
    private static final int OPTIMISTIC_ATTEMPTS = 3;

    /** An item as stored (its JSON text, for the compare-and-set) and as read. */
    private record StoredItem(String json, Map<String, AttributeValue> item) {
    }

    /** The new item and what the UPDATE returns. */
    private record Update(Map<String, AttributeValue> item, ExecutionResult result) {
    }

    private static Update prepareUpdate(TableDef table, Plan.Update plan, List<AttributeValue> params,
                                        StoredItem stored, boolean returnOldOnFailure) {
        Map<String, AttributeValue> old = stored == null ? null : stored.item();
        if (old == null || (plan.condition() != null && !ConditionEvaluator.test(plan.condition(), old, params))) {
            throw conditionFailed(old, returnOldOnFailure);
        }
        UpdateApplier.Result result = UpdateApplier.apply(old, plan.actions(), params);
        Map<String, AttributeValue> updated = result.item();
        WriteChecks.checkItem(table, updated);
        return new Update(updated, returning(plan.returning(), old, updated, result.modified()));
    }

    private static StoredItem readItem(RoutedSession c, TableDef table, ItemKeys.KeyBytes key, String sql)
            throws SQLException {
        PreparedStatement ps = c.prepare(sql);
        bindKey(ps, 1, key);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            String json = rs.getString(1);
            return new StoredItem(json, DynamoJson.readItem(json));
        }
    }

    public ExecutionResult delete(RoutedSession c, Plan.Delete plan, List<AttributeValue> params,
                                  boolean returnOldOnFailure) throws SQLException {
        TableDef table = plan.table();
        ItemKeys.KeyBytes key = StatementKeys.writeKey(table, plan.key(), params);
        if (plan.condition() == null && plan.returning() == Statement.Returning.NONE) {
            boolean deleted = ItemWriter.delete(c, table, key);
            written(table);
            return ExecutionResult.count(deleted ? 1 : 0);
        }
        return inLocalTransaction(c, () -> {
            Map<String, AttributeValue> old = lockItem(c, table, key);
            if (plan.condition() != null && (old == null || !ConditionEvaluator.test(plan.condition(), old, params))) {
                throw conditionFailed(old, returnOldOnFailure);
            }
            if (old == null) {
                return plan.returning() == Statement.Returning.NONE ? ExecutionResult.count(0)
                        : ExecutionResult.rows(List.of());
            }
            ItemWriter.delete(c, table, key);
            written(table);
            return plan.returning() == Statement.Returning.NONE ? ExecutionResult.count(1)
                    : ExecutionResult.rows(List.of(old));
        });
    }

    private static ExecutionResult returning(Statement.Returning returning, Map<String, AttributeValue> old,
                                             Map<String, AttributeValue> updated, Set<String> modified) {
        return switch (returning) {
            case NONE -> ExecutionResult.count(1);
            case ALL_OLD -> ExecutionResult.rows(List.of(old));
            case ALL_NEW -> ExecutionResult.rows(List.of(updated));
            case MODIFIED_OLD -> ExecutionResult.rows(List.of(onlyModified(old, modified)));
            case MODIFIED_NEW -> ExecutionResult.rows(List.of(onlyModified(updated, modified)));
        };
    }

    private static Map<String, AttributeValue> onlyModified(Map<String, AttributeValue> item, Set<String> modified) {
        Map<String, AttributeValue> out = new java.util.LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (modified.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static DynamoException conditionFailed(Map<String, AttributeValue> old, boolean returnOld) {
        DynamoException e = ErrorCode.CONDITIONAL_CHECK_FAILED.error();
        return returnOld && old != null ? e.withOldItem(old) : e;
    }

    private static Map<String, AttributeValue> lockItem(RoutedSession c, TableDef table, ItemKeys.KeyBytes key)
            throws SQLException {
        StoredItem stored = readItem(c, table, key, PhysicalSql.getItemForUpdate(table));
        return stored == null ? null : stored.item();
    }

    static void bindKey(PreparedStatement ps, int first, ItemKeys.KeyBytes key) throws SQLException {
        ps.setLong(first, KeyspaceId.of(key.tag(), key.pk()));
        ps.setBytes(first + 1, key.pk());
        ps.setBytes(first + 2, key.sk());
    }

    /** Runs work in a local transaction unless the caller already has one open. */
    private static ExecutionResult inLocalTransaction(RoutedSession session, SqlWork work) throws SQLException {
        Connection c = session.connection();
        if (!c.getAutoCommit()) {
            return work.run();
        }
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            ExecutionResult result = work.run();
            c.commit();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly(c);
            }
            c.setAutoCommit(true);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The original failure is what the caller needs to see.
        }
    }

    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1062 || "23000".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** JDBC work that may throw. */
    @FunctionalInterface
    private interface SqlWork {
        ExecutionResult run() throws SQLException;
    }
}
