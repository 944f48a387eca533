package dev.jdbcdynamo.driver.tx;

import dev.jdbcdynamo.api.CancellationReason;
import dev.jdbcdynamo.driver.storage.Shard;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a transaction's writes all or nothing. Items on one shard: a local transaction. Items
 * on several: two-phase commit over XA, the coordinator's local transaction being the decision:
 * <ol>
 *   <li>open a branch per shard in shard order (the coordinator: a local transaction, the others
 *       XA branches), and claim the idempotency token in the coordinator's branch;</li>
 *   <li>lock every item ({@code SELECT ... FOR UPDATE}) in the global order of {@link TxKey};</li>
 *   <li>check every condition; any failure cancels all with one reason per statement;</li>
 *   <li>write, {@code XA PREPARE} every XA branch;</li>
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

    Committer(List<Shard> shards, String database, Recovery recovery) {
        this.shards = List.copyOf(shards);
        this.database = database;
        this.recovery = recovery;
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
                branches.put(shard, Branch.open(shard, shards.get(shard), shard == coordinator ? null : xid));
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

    private static List<Map<String, AttributeValue>> lockAll(List<TxWrite> writes, Map<Integer, Branch> branches)
            throws SQLException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> writes.get(i).key()));
        List<Map<String, AttributeValue>> olds = new ArrayList<>(java.util.Collections.nCopies(writes.size(), null));
        for (int i : order) {
            TxKey key = writes.get(i).key();
            olds.set(i, ItemStore.lock(branches.get(key.shard()).connection, key.table(), key.key(), key.kid()));
        }
        return olds;
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
                if (old == null || (plan.condition() != null && !ConditionEvaluator.test(plan.condition(), old, w.params()))) {
                    throw ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                }
                Map<String, AttributeValue> updated = UpdateApplier.apply(old, plan.actions(), w.params()).item();
                ItemKeys.ofItem(w.key().table(), updated);
                ItemKeys.checkIndexKeys(w.key().table(), updated);
                ItemSize.check(updated);
                return updated;
            }
            case DELETE -> {
                Plan.Delete plan = (Plan.Delete) w.plan();
                if (plan.condition() != null && (old == null || !ConditionEvaluator.test(plan.condition(), old, w.params()))) {
                    throw ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                }
                return null;
            }
            case CHECK -> {
                Plan.ConditionCheck plan = (Plan.ConditionCheck) w.plan();
                if (old == null || !ConditionEvaluator.test(plan.condition(), old, w.params())) {
                    throw ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                }
                return null;
            }
        }
        throw new AssertionError("unknown write " + w.kind());
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

    private static void write(List<TxWrite> writes, List<Map<String, AttributeValue>> olds,
                              List<Map<String, AttributeValue>> news, Map<Integer, Branch> branches)
            throws SQLException {
        for (int i = 0; i < writes.size(); i++) {
            TxWrite w = writes.get(i);
            TxKey k = w.key();
            var c = branches.get(k.shard()).connection;
            switch (w.kind()) {
                case PUT -> {
                    try {
                        ItemStore.insert(c, k.table(), k.key(), k.kid(), news.get(i));
                    } catch (SQLException e) {
                        if (!Errors.isDuplicateKey(e)) {
                            throw e;
                        }
                        // Inserted by another transaction since the lock read (no gap locks).
                        List<CancellationReason> reasons = new ArrayList<>();
                        for (int j = 0; j < writes.size(); j++) {
                            reasons.add(j == i ? reason(ErrorCode.DUPLICATE_ITEM.error(), null) : CancellationReason.NONE);
                        }
                        throw new TransactionCanceled(reasons);
                    }
                }
                case UPDATE -> ItemStore.replace(c, k.table(), k.key(), k.kid(), olds.get(i), news.get(i));
                case DELETE -> {
                    if (olds.get(i) != null) {
                        ItemStore.delete(c, k.table(), k.key(), k.kid(), olds.get(i));
                    }
                }
                case CHECK -> {
                    // A condition check writes nothing; its lock holds until the decision.
                }
            }
        }
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
