package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.exec.StatementKeys;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.eval.Projector;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transactions of one open database: where an item lives, the committer and the recovery
 * that runs at open and periodically. Shared by the database's connections.
 */
public final class TxService implements AutoCloseable {
    private final List<Shard> shards;
    private final HashRing ring;
    private final Map<String, Integer> shardIndex = new HashMap<>();
    private final String databaseId;
    private final Recovery recovery;
    private final BranchPools pools = new BranchPools();
    /** Runs a batch's per-shard transactions side by side (daemon threads, idle ones end after a minute). */
    private final ExecutorService batchExecutor = Executors.newCachedThreadPool(daemonThreads());
    private final Committer committer;

    private TxService(List<Shard> shards, HashRing ring, String database, Recovery recovery) {
        this.shards = List.copyOf(shards);
        this.ring = ring;
        for (int i = 0; i < shards.size(); i++) {
            shardIndex.put(shards.get(i).name(), i);
        }
        this.recovery = recovery;
        this.databaseId = database;
        this.committer = new Committer(shards, database, recovery, pools, batchExecutor);
    }

    /**
     * Creates the transaction tables where missing and finishes what earlier instances left
     * prepared; {@code recoveryTimeoutSeconds} is how old a prepared two-phase commit without a
     * decision must be before recovery aborts it.
     */
    public static TxService open(List<Shard> shards, HashRing ring, int recoveryTimeoutSeconds,
                                 int recoveryIntervalSeconds) {
        TxTables.create(shards);
        String database = TxTables.databaseId(shards);
        return new TxService(shards, ring, database,
                Recovery.start(shards, database, recoveryTimeoutSeconds, recoveryIntervalSeconds));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "jdbc-dynamo-batch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The id of this database in the XA ids of its two-phase commits. */
    public String databaseId() {
        return databaseId;
    }

    public Recovery recovery() {
        return recovery;
    }

    List<Shard> shards() {
        return shards;
    }

    /** The connections of transaction branches and transactional reads: autocommit off, READ COMMITTED. */
    BranchPools pools() {
        return pools;
    }

    /** The transaction identity of an item: its keyspace id and shard index. */
    TxKey key(TableDef table, ItemKeys.KeyBytes key) {
        long kid = KeyspaceId.of(key.tag(), key.pk());
        return new TxKey(table, key, kid, shardIndex.get(ring.shardFor(kid)));
    }

    /** The shard that records a client request token (and coordinates its transaction). */
    int tokenShard(String token) {
        long kid = KeyspaceId.of((byte) 'T', token.getBytes(StandardCharsets.UTF_8));
        return shardIndex.get(ring.shardFor(kid));
    }

    Committer.Outcome commit(List<TxWrite> writes, String token, String requestHash) throws SQLException {
        return committer.commit(writes, token, requestHash, token == null ? -1 : tokenShard(token));
    }

    /**
     * Applies the writes of a batch (BatchExecuteStatement), each succeeding or failing on its
     * own: per statement, null when it was applied, else its DynamoException or SQLException. The
     * writes of a shard are locked, checked and written together in one local transaction.
     */
    public List<Exception> applyEach(List<Plan> plans, List<List<AttributeValue>> params, boolean returnOldOnFailure) {
        List<Exception> errors = new ArrayList<>(Collections.nCopies(plans.size(), null));
        List<TxWrite> writes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            try {
                writes.add(WriteResolver.resolve(this, plans.get(i), params.get(i), returnOldOnFailure));
                positions.add(i);
            } catch (DynamoException e) {
                errors.set(i, e);
            }
        }
        List<Exception> applied = committer.applyEach(writes);
        for (int k = 0; k < writes.size(); k++) {
            errors.set(positions.get(k), applied.get(k));
        }
        return errors;
    }

    /** What a batch's read found: the item (filtered and projected; null when none) or the error. */
    public record ReadOutcome(Map<String, AttributeValue> item, Exception error) {
    }

    /**
     * Reads the GetItems of a batch (BatchExecuteStatement of SELECTs naming full keys) from the
     * shards' primaries: one statement per shard and table, the shards side by side; each
     * statement's filter and projection applied to its item.
     */
    public List<ReadOutcome> readEach(List<Plan.Select> selects, List<List<AttributeValue>> params) {
        ReadOutcome[] out = new ReadOutcome[selects.size()];
        TxKey[] keys = new TxKey[selects.size()];
        Map<Integer, List<Integer>> byShard = new TreeMap<>();
        for (int i = 0; i < selects.size(); i++) {
            try {
                Plan.Select select = selects.get(i);
                AccessPath.GetItem get = (AccessPath.GetItem) select.path();
                ItemKeys.KeyBytes bytes = StatementKeys.values(get, params.get(i)).read(select.table());
                if (bytes == null) {
                    out[i] = new ReadOutcome(null, null); // a key of another type names no item
                    continue;
                }
                keys[i] = key(select.table(), bytes);
                byShard.computeIfAbsent(keys[i].shard(), s -> new ArrayList<>()).add(i);
            } catch (DynamoException e) {
                out[i] = new ReadOutcome(null, e);
            }
        }
        List<Runnable> tasks = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byShard.entrySet()) {
            tasks.add(() -> readShard(e.getKey(), e.getValue(), selects, params, keys, out));
        }
        SideBySide.runAll(batchExecutor, tasks);
        return Arrays.asList(out);
    }

    private void readShard(int shard, List<Integer> positions, List<Plan.Select> selects,
                           List<List<AttributeValue>> params, TxKey[] keys, ReadOutcome[] out) {
        Map<Long, List<Integer>> byTable = new TreeMap<>();
        positions.forEach(i -> byTable.computeIfAbsent(keys[i].table().id(), t -> new ArrayList<>()).add(i));
        try (Connection c = shards.get(shard).pool().getConnection()) {
            for (List<Integer> same : byTable.values()) {
                List<ItemKeys.KeyBytes> tableKeys = same.stream().map(i -> keys[i].key()).toList();
                List<Map<String, AttributeValue>> items = ItemStore.readAll(c, keys[same.get(0)].table(), tableKeys, false);
                for (int k = 0; k < same.size(); k++) {
                    int i = same.get(k);
                    out[i] = outcome(selects.get(i), params.get(i), items.get(k));
                }
            }
        } catch (SQLException e) {
            positions.forEach(i -> out[i] = new ReadOutcome(null, e));
        }
    }

    private static ReadOutcome outcome(Plan.Select select, List<AttributeValue> params, Map<String, AttributeValue> item) {
        try {
            if (item == null || (select.filter() != null && !ConditionEvaluator.test(select.filter(), item, params))) {
                return new ReadOutcome(null, null);
            }
            return new ReadOutcome(select.isStar() ? item : Projector.project(select.items(), item), null);
        } catch (DynamoException e) {
            return new ReadOutcome(null, e);
        }
    }

    @Override
    public void close() {
        recovery.close();
        batchExecutor.shutdown();
        pools.close();
    }
}
