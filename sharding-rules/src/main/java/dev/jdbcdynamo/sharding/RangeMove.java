package dev.jdbcdynamo.sharding;

import static java.util.Objects.requireNonNull;

/**
 * A range of kids, {@code firstKid..lastKid} inclusive in signed order, that changes owner from
 * one shard to another between two rings.
 */
public record RangeMove(long firstKid, long lastKid, String fromShard, String toShard) {
    public RangeMove {
        requireNonNull(fromShard, "fromShard is null");
        requireNonNull(toShard, "toShard is null");
        if (firstKid > lastKid) {
            throw new IllegalArgumentException("empty range " + firstKid + ".." + lastKid);
        }
        if (fromShard.equals(toShard)) {
            throw new IllegalArgumentException("a move needs two different shards, got " + fromShard);
        }
    }

    /** The share of the whole 2^64 keyspace this range covers, in (0, 1]. */
    public double fractionOfKeyspace() {
        double span = lastKid - firstKid; // as unsigned: the distance fits in 64 bits
        if (span < 0) {
            span += 0x1p64;
        }
        return (span + 1) / 0x1p64;
    }
}
