package dev.jdbcdynamo.sharding.reshard;

/** What a driver needs to know about the fence of a resharding: how to recognise a fenced write. */
public final class ReshardFence {
    private ReshardFence() {
    }

    /**
     * True when {@code e} or one of its causes is a write refused because its key range is being
     * moved to another shard; the write was not applied, and succeeds once the new ring is in use.
     */
    public static boolean isFenced(Throwable e) {
        return FenceTriggers.isFenced(e);
    }
}
