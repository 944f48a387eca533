package dev.jdbcdynamo.driver.tx;

import dev.jdbcdynamo.driver.storage.Shard;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private final Committer committer;

    private TxService(List<Shard> shards, HashRing ring, String database, Recovery recovery) {
        this.shards = List.copyOf(shards);
        this.ring = ring;
        for (int i = 0; i < shards.size(); i++) {
            shardIndex.put(shards.get(i).name(), i);
        }
        this.recovery = recovery;
        this.databaseId = database;
        this.committer = new Committer(shards, database, recovery);
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
     * Applies one write on its own, as a statement of a batch: locked, checked and written in a
     * local transaction on its shard. Fails with that statement's DynamoDB error.
     */
    public void applyOne(dev.jdbcdynamo.planner.plan.Plan plan, List<dev.jdbcdynamo.planner.value.AttributeValue> params,
                         boolean returnOldOnFailure) throws SQLException {
        TxWrite write = WriteResolver.resolve(this, plan, params, returnOldOnFailure);
        try {
            commit(List.of(write), null, null);
        } catch (TransactionCanceled e) {
            dev.jdbcdynamo.api.CancellationReason reason = e.reasons().get(0);
            throw switch (reason.code()) {
                case "ConditionalCheckFailed" -> {
                    var failed = dev.jdbcdynamo.planner.error.ErrorCode.CONDITIONAL_CHECK_FAILED.error();
                    yield reason.itemJson() == null ? failed
                            : failed.withOldItem(dev.jdbcdynamo.planner.value.DynamoJson.readItem(reason.itemJson()));
                }
                case "DuplicateItem" -> dev.jdbcdynamo.planner.error.ErrorCode.DUPLICATE_ITEM.error();
                default -> dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(reason.message());
            };
        }
    }

    @Override
    public void close() {
        recovery.close();
    }
}
