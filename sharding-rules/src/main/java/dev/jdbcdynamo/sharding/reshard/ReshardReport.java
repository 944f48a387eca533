package dev.jdbcdynamo.sharding.reshard;

import dev.jdbcdynamo.sharding.HashRing;
import java.util.Map;

/**
 * What a resharding did.
 *
 * @param from the ring before
 * @param to the ring published
 * @param version the version of {@code to} in dynamo_topology
 * @param rowsBefore rows of the kid-sharded tables on all shards when the copy started
 * @param rowsMoved rows copied to a new owner (at the end of the copy, plus catch-up re-syncs of new kids)
 * @param movedPerTable rows moved per physical table
 * @param keyspaceShareMoved the share of the 2^64 kids whose owner changed
 * @param fenceMillis how long writes to the moving ranges were refused
 * @param totalMillis the whole resharding
 */
public record ReshardReport(HashRing from, HashRing to, long version, long rowsBefore, long rowsMoved,
                            Map<String, Long> movedPerTable, double keyspaceShareMoved, long fenceMillis,
                            long totalMillis) {
    public ReshardReport {
        movedPerTable = Map.copyOf(movedPerTable);
    }

    /** rowsMoved / rowsBefore, 0 for an empty database. */
    public double rowShareMoved() {
        return rowsBefore == 0 ? 0 : (double) rowsMoved / rowsBefore;
    }

    @Override
    public String toString() {
        return String.format("resharded %s -> %s (ring version %d): moved %d of %d rows (%.1f%%; %.1f%% of the keyspace),"
                        + " writes to moving ranges fenced for %d ms, %d ms in all", from.shards(), to.shards(), version,
                rowsMoved, rowsBefore, 100 * rowShareMoved(), 100 * keyspaceShareMoved, fenceMillis, totalMillis);
    }
}
