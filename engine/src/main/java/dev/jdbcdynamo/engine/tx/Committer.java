package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.exec.WriteChecks;
import dev.jdbcdynamo.engine.error.CancellationReason;
import dev.jdbcdynamo.engine.error.TransactionCanceled;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.eval.UpdateApplier;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.planner.value.ItemSize;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a transaction's writes all or nothing. Items on one shard: a local transaction. Items
 * on several: two-phase commit over XA, the coordinator's local transaction being the decision:
 * <ol>
 *   <li>open a branch per shard in shard order (the coordinator: a local transaction, the others
 *       XA branches), and claim the idempotency token in the coordinator's branch;</li>
 *   <li>lock every item ({@code SELECT ... FOR UPDATE}) in the global order of {@link TxKey}: one
 *       statement per shard and table;</li>
 *   <li>check every condition; any failure cancels all with one reason per statement;</li>
 *   <li>write (one request per shard), {@code XA PREPARE} every XA branch;</li>
 *   <li>insert the commit decision in the coordinator's branch and commit it: from here on the
 *       transaction is committed, whatever fails later;</li>
 *   <li>{@code XA COMMIT} every branch; one that fails is finished by {@link Recovery}.</li>
 * </ol>
 */
final class Committer {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    /** DynamoDB's limit on the aggregate size of a transaction's items. */
    static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    /** What a commit did. */
    enum Outcome {
        APPLIED, ALREADY_APPLIED
    }

    private final List<Shard> shards;
    private final String database;
    private final Recovery recovery;
    private final BranchPools pools;
    private final ExecutorService batchExecutor;

    Committer(List<Shard> shards, String database, Recovery recovery, BranchPools pools, ExecutorService batchExecutor) {
        this.shards = List.copyOf(shards);
        this.database = database;
        this.recovery = recovery;
        this.pools = pools;
        this.batchExecutor = batchExecutor;
    }

    /** Commits the writes; {@code token} (may be null) makes a retry with the same token apply once. */
    Outcome commit(List<TxWrite> writes, String token, String requestHash, int tokenShard) throws SQLException {
        TreeSet<Integer> involved = new TreeSet<>();
        writes.forEach(w -> involved.add(w.key().shard()));
        int coordinator = token != null ? tokenShard : involved.first();
        involved.add(coordinator);
        boolean twoPhase = involved.size() > 1;
        Xid xid = twoPhase ? Xid.next(database, coordinator) : null;
        Map<Integer, Branch> branches = new TreeMap<>();
        boolean decided = false;
        try {
            for (int shard : involved) {
                branches.put(shard, Branch.open(shard, shards.get(shard), shard == coordinator ? null : xid, pools));
            }
            if (token != null && !Tokens.claim(branches.get(coordinator).connection, token, requestHash)) {
                rollbackAll(branches);
                return Outcome.ALREADY_APPLIED;
            }
            List<Map<String, AttributeValue>> olds = lockAll(writes, branches);
            List<Map<String, AttributeValue>> news = evaluate(writes, olds);
            write(writes, olds, news, branches);
            if (!twoPhase) {
                branches.get(coordinator).commit();
                decided = true;
                return Outcome.APPLIED;
            }
            for (Branch b : branches.values()) {
                if (b.isXa()) {
                    b.prepare();
                }
            }
            TestHooks.afterPrepare();
            Branch decision = branches.get(coordinator);
            try {
                TxTables.insertCommit(decision.connection, xid);
                decision.commit();
            } catch (SQLException e) {
                decided = true;
                decision.markBroken();
                decision.close(); // gives its pool slot back before the fence borrows one
                return afterUnknownDecision(xid, coordinator, branches, e);
            }
            decided = true;
            finish(xid, coordinator, branches);
            return Outcome.APPLIED;
        } catch (SQLException e) {
            if (!decided) {
                rollbackAll(branches);
            }
            if (Errors.isConflict(e)) {
                throw Errors.conflict(e);
            }
            throw e;
        } catch (RuntimeException e) {
            if (!decided) {
                rollbackAll(branches);
            }
            throw e;
        } finally {
            branches.values().forEach(Branch::close);
        }
    }

    /**
     * Applies writes that each succeed or fail on their own (a batch). The writes of a shard run
     * in one local transaction: locked, checked and written together, each failing alone. A
     * shard whose transaction fails as a whole (a lost race, a resharding fence, a concurrent
     * insert), or whose writes name an item twice, runs its writes one by one instead.
     *
     * @return per write, null when it was applied, else its DynamoException or SQLException
     */
    List<Exception> applyEach(List<TxWrite> writes) {
        Exception[] errors = new Exception[writes.size()];
        Map<Integer, List<Integer>> byShard = new TreeMap<>();
        for (int i = 0; i < writes.size(); i++) {
            byShard.computeIfAbsent(writes.get(i).key().shard(), s -> new ArrayList<>()).add(i);
        }
        // The shards' transactions are independent: they run side by side.
        List<Runnable> groups = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byShard.entrySet()) {
            groups.add(() -> applyGroup(e.getKey(), e.getValue(), writes, errors));
        }
        SideBySide.runAll(batchExecutor, groups);
        return Arrays.asList(errors);
    }

    /** The writes of one shard ({@code positions} in the batch), together or else one by one. */
    private void applyGroup(int shard, List<Integer> positions, List<TxWrite> writes, Exception[] errors) {
        List<TxWrite> group = positions.stream().map(writes::get).toList();
        List<Exception> groupErrors = null;
        if (group.stream().map(TxWrite::key).distinct().count() == group.size()) {
            try {
                groupErrors = applyOnShard(shard, group);
            } catch (SQLException | RuntimeException ex) {
                LOG.debug("Batch writes on shard {} together failed ({}); one by one", shard, ex.toString());
            }
        }
        if (groupErrors == null) {
            groupErrors = group.stream().map(this::applyAlone).toList();
        }
        for (int k = 0; k < group.size(); k++) {
            errors[positions.get(k)] = groupErrors.get(k);
        }
    }

    private List<Exception> applyOnShard(int shard, List<TxWrite> group) throws SQLException {
        Map<Integer, Branch> branches = new TreeMap<>();
        boolean committed = false;
        try {
            Branch branch = Branch.open(shard, shards.get(shard), null, pools);
            branches.put(shard, branch);
            List<Map<String, AttributeValue>> olds = lockAllButPuts(group, branches);
            List<Exception> errors = new ArrayList<>();
            List<ItemStore.Write> physical = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                TxWrite w = group.get(i);
                Map<String, AttributeValue> old = olds.get(i);
                try {
                    ItemStore.Write write = physicalWrite(w, old, next(w, old));
                    if (write != null) {
                        physical.add(write);
                    }
                    errors.add(null);
                } catch (DynamoException e) {
                    boolean withOld = w.returnOldOnFailure() && old != null
                            && e.code() == ErrorCode.CONDITIONAL_CHECK_FAILED;
                    errors.add(withOld ? e.withOldItem(old) : e);
                }
            }
            ItemStore.writeAll(branch.connection, physical);
            branch.commit();
            committed = true;
            return errors;
        } finally {
            if (!committed) {
                rollbackAll(branches);
            }
            branches.values().forEach(Branch::close);
        }
    }

    /**
     * The current items of a batch's writes, locked, except for puts (null): an INSERT fails on
     * the primary key when its item exists, and that makes the shard's writes run one by one, each
     * put then checked on its own. A batch of new items thus costs no read.
     */
    private static List<Map<String, AttributeValue>> lockAllButPuts(List<TxWrite> group, Map<Integer, Branch> branches)
            throws SQLException {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).kind() != TxWrite.Kind.PUT) {
                others.add(i);
            }
        }
        List<Map<String, AttributeValue>> olds = new ArrayList<>(Collections.nCopies(group.size(), null));
        if (!others.isEmpty()) {
            List<Map<String, AttributeValue>> locked = lockAll(others.stream().map(group::get).toList(), branches);
            for (int k = 0; k < others.size(); k++) {
                olds.set(others.get(k), locked.get(k));
            }
        }
        return olds;
    }

    /** One write in a transaction of its own; null when applied, else its error. */
    private Exception applyAlone(TxWrite write) {
        try {
            commit(List.of(write), null, null, -1);
            return null;
        } catch (TransactionCanceled e) {
            CancellationReason reason = e.reasons().get(0);
            return switch (reason.code()) {
                case "ConditionalCheckFailed" -> {
                    DynamoException failed = ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                    yield reason.itemJson() == null ? failed : failed.withOldItem(DynamoJson.readItem(reason.itemJson()));
                }
                case "DuplicateItem" -> ErrorCode.DUPLICATE_ITEM.error();
                default -> ErrorCode.VALIDATION.error(reason.message());
            };
        } catch (DynamoException | SQLException e) {
            return e;
        }
    }

    /** The current item of every write (null where none), locked: one statement per shard and table. */
    private static List<Map<String, AttributeValue>> lockAll(List<TxWrite> writes, Map<Integer, Branch> branches)
            throws SQLException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> writes.get(i).key()));
        List<Map<String, AttributeValue>> olds = new ArrayList<>(Collections.nCopies(writes.size(), null));
        for (int from = 0; from < order.size(); ) {
            TxKey first = writes.get(order.get(from)).key();
            int to = from;
            List<ItemKeys.KeyBytes> keys = new ArrayList<>();
            while (to < order.size() && sameTableOnSameShard(first, writes.get(order.get(to)).key())) {
                keys.add(writes.get(order.get(to)).key().key());
                to++;
            }
            List<Map<String, AttributeValue>> items =
                    ItemStore.lockAll(branches.get(first.shard()).connection, first.table(), keys);
            for (int i = from; i < to; i++) {
                olds.set(order.get(i), items.get(i - from));
            }
            from = to;
        }
        return olds;
    }

    private static boolean sameTableOnSameShard(TxKey a, TxKey b) {
        return a.shard() == b.shard() && a.table().id() == b.table().id();
    }

    /** The new item of every write (null for a delete or check); cancels with reasons when any fails. */
    private static List<Map<String, AttributeValue>> evaluate(List<TxWrite> writes,
                                                              List<Map<String, AttributeValue>> olds) {
        List<CancellationReason> reasons = new ArrayList<>();
        List<Map<String, AttributeValue>> news = new ArrayList<>();
        boolean failed = false;
        long bytes = 0;
        for (int i = 0; i < writes.size(); i++) {
            TxWrite w = writes.get(i);
            Map<String, AttributeValue> old = olds.get(i);
            try {
                Map<String, AttributeValue> next = next(w, old);
                news.add(next);
                reasons.add(CancellationReason.NONE);
                bytes += ItemSize.of(next != null ? next : old == null ? Map.of() : old);
            } catch (StatementRejected e) {
                throw new DynamoException(e.code(), e.getMessage());
            } catch (DynamoException e) {
                news.add(null);
                reasons.add(reason(e, w.returnOldOnFailure() ? old : null));
                failed = true;
            }
        }
        if (failed) {
            throw new TransactionCanceled(reasons);
        }
        if (bytes > MAX_TRANSACTION_BYTES) {
            throw ErrorCode.VALIDATION.error("Transaction size has exceeded the maximum allowed size of 4 MB");
        }
        return news;
    }

    private static Map<String, AttributeValue> next(TxWrite w, Map<String, AttributeValue> old) {
        switch (w.kind()) {
            case PUT -> {
                if (old != null) {
                    throw ErrorCode.DUPLICATE_ITEM.error();
                }
                return w.newItem();
            }
            case UPDATE -> {
                Plan.Update plan = (Plan.Update) w.plan();
                if (old == null || (plan.condition() != null && !holds(plan.condition(), old, w.params()))) {
                    throw ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                }
                Map<String, AttributeValue> updated;
                try {
                    updated = UpdateApplier.apply(old, plan.actions(), w.params()).item();
                } catch (DynamoException e) {
                    // An arithmetic result out of DynamoDB's number range too fails the request (recorded).
                    throw e.code() == ErrorCode.VALIDATION || e.code() == ErrorCode.NUMBER_INVALID
                            ? new StatementRejected(e) : e;
                }
                WriteChecks.checkItem(w.key().table(), updated);
                return updated;
            }
            case DELETE -> {
                Plan.Delete plan = (Plan.Delete) w.plan();
                if (plan.condition() != null && (old == null || !holds(plan.condition(), old, w.params()))) {
                    throw ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                }
                return null;
            }
            case CHECK -> {
                Plan.ConditionCheck plan = (Plan.ConditionCheck) w.plan();
                if (old == null || !holds(plan.condition(), old, w.params())) {
                    // DynamoDB words an EXISTS check's reason with a full stop, its writes' without.
                    throw new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed.");
                }
                return null;
            }
        }
        throw new AssertionError("unknown write " + w.kind());
    }

    /** A write's condition on the item; what DynamoDB refuses in it rejects the whole request. */
    private static boolean holds(Expr condition, Map<String, AttributeValue> item, List<AttributeValue> params) {
        try {
            return ConditionEvaluator.test(condition, item, params);
        } catch (DynamoException e) {
            throw e.code() == ErrorCode.VALIDATION ? new StatementRejected(e) : e;
        }
    }

    /** DynamoDB's cancellation reason for a statement's error. */
    static CancellationReason reason(DynamoException e, Map<String, AttributeValue> old) {
        return switch (e.code()) {
            case CONDITIONAL_CHECK_FAILED -> new CancellationReason("ConditionalCheckFailed", e.getMessage(),
                    old == null ? null : DynamoJson.writeItem(old));
            case DUPLICATE_ITEM -> new CancellationReason("DuplicateItem", e.getMessage(), null);
            case TRANSACTION_CONFLICT -> new CancellationReason("TransactionConflict", e.getMessage(), null);
            default -> new CancellationReason("ValidationError", e.getMessage(), null);
        };
    }

    /**
     * Writes the new items, one request per shard. A concurrent insert of a key that was free when
     * locked (READ COMMITTED takes no gap locks) cancels the transaction with DuplicateItem.
     */
    private void write(List<TxWrite> writes, List<Map<String, AttributeValue>> olds,
                       List<Map<String, AttributeValue>> news, Map<Integer, Branch> branches) throws SQLException {
        Map<Integer, List<ItemStore.Write>> byShard = new TreeMap<>();
        for (int i = 0; i < writes.size(); i++) {
            ItemStore.Write w = physicalWrite(writes.get(i), olds.get(i), news.get(i));
            if (w != null) {
                byShard.computeIfAbsent(writes.get(i).key().shard(), s -> new ArrayList<>()).add(w);
            }
        }
        for (Map.Entry<Integer, List<ItemStore.Write>> e : byShard.entrySet()) {
            try {
                ItemStore.writeAll(branches.get(e.getKey()).connection, e.getValue());
            } catch (SQLException ex) {
                if (!Errors.isDuplicateKey(ex)) {
                    throw ex;
                }
                throw duplicates(writes, e.getKey(), ex);
            }
        }
    }

    /** The physical write of a checked statement (null: nothing to write). */
    private static ItemStore.Write physicalWrite(TxWrite w, Map<String, AttributeValue> old, Map<String, AttributeValue> next) {
        TxKey k = w.key();
        return switch (w.kind()) {
            case PUT -> ItemStore.insertWrite(k.table(), k.key(), k.kid(), next);
            case UPDATE -> ItemStore.replaceWrite(k.table(), k.key(), k.kid(), next);
            case DELETE -> old == null ? null : ItemStore.deleteWrite(k.table(), k.key(), k.kid());
            case CHECK -> null; // writes nothing; its lock holds until the decision
        };
    }

    /**
     * The cancellation for a duplicate key met while writing on a shard: the puts whose key another
     * transaction committed since the locking read (seen from a connection of its own).
     */
    private RuntimeException duplicates(List<TxWrite> writes, int shard, SQLException cause) throws SQLException {
        List<CancellationReason> reasons = new ArrayList<>();
        boolean any = false;
        try (var c = shards.get(shard).pool().getConnection()) {
            for (TxWrite w : writes) {
                TxKey k = w.key();
                boolean taken = w.kind() == TxWrite.Kind.PUT && k.shard() == shard
                        && ItemStore.exists(c, k.table(), k.key(), k.kid());
                reasons.add(taken ? reason(ErrorCode.DUPLICATE_ITEM.error(), null) : CancellationReason.NONE);
                any |= taken;
            }
        }
        return any ? new TransactionCanceled(reasons) : Errors.conflict(cause);
    }

    /** XA COMMIT of every branch after the decision; a branch that fails is left to recovery. */
    private void finish(Xid xid, int coordinator, Map<Integer, Branch> branches) {
        boolean all = true;
        for (Branch b : branches.values()) {
            if (b.index == coordinator) {
                continue;
            }
            try {
                b.commit();
            } catch (SQLException e) {
                all = false;
                LOG.warn("XA COMMIT of {} on shard {} failed after the commit decision; recovery will finish it: {}",
                        xid.gtrid(), b.shard.name(), e.getMessage());
            }
        }
        if (all) {
            // On the coordinator's own connection: borrowing a second one from the pool while
            // holding the branches could wait for ever on a pool that transactions exhausted.
            Branch decision = branches.get(coordinator);
            try {
                TxTables.deleteDecision(decision.connection, xid.gtrid());
                decision.connection.commit();
            } catch (SQLException e) {
                decision.markBroken();
                // Recovery deletes decisions whose branches are all finished.
            }
        } else if (recovery != null) {
            recovery.runSoon();
        }
    }

    /**
     * The coordinator's commit failed (its connection broke mid-commit, say): whether the decision
     * was recorded is found out by fencing it on a fresh connection, then the branches follow it.
     */
    private Outcome afterUnknownDecision(Xid xid, int coordinator, Map<Integer, Branch> branches, SQLException cause)
            throws SQLException {
        char decision;
        try (var c = shards.get(coordinator).pool().getConnection()) {
            decision = TxTables.decideOrAbort(c, xid.gtrid());
        } catch (SQLException e) {
            branches.values().forEach(Branch::markBroken);
            if (recovery != null) {
                recovery.runSoon();
            }
            throw new DynamoException(ErrorCode.TRANSACTION_OUTCOME_UNKNOWN, "The outcome of the transaction is "
                    + "unknown: its coordinator shard " + shards.get(coordinator).name() + " failed during commit ("
                    + cause.getMessage() + "); recovery applies it fully or not at all", cause);
        }
        if (decision == 'C') {
            finish(xid, coordinator, branches);
            return Outcome.APPLIED;
        }
        rollbackAll(branches);
        throw Errors.conflict(cause);
    }

    private static void rollbackAll(Map<Integer, Branch> branches) {
        branches.values().forEach(Branch::rollbackQuietly);
    }
}
