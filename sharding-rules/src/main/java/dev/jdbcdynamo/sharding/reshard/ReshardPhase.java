package dev.jdbcdynamo.sharding.reshard;

/**
 * The phases of a resharding in order; the phase reached is stored in every shard
 * ({@code dynamo_reshard}), so an interrupted resharding can be rolled back (before PUBLISH) or
 * finished (from PUBLISH on) by any process.
 */
public enum ReshardPhase {
    PREPARE, COPY, CATCH_UP, FENCE, PUBLISH, CLEANUP, ROLLBACK, DONE;

    /** True once the new ring is published: from then on the only way is forward. */
    boolean published() {
        return this == PUBLISH || this == CLEANUP || this == DONE;
    }
}
